package org.polisi.forms.signatures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.archive.SameAgreedText;
import org.polisi.forms.consent.ConsentEvent;
import org.polisi.forms.consent.ConsentEventDao;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.contract.SignerGroup;

/**
 * Builds {@link AgreementSignatures} from the stored records: erased records are left out; a person's
 * newest signature (by the order records were stored) decides whether they are on a current version,
 * that is a version the manifest publishes now in any language, or one whose archived text is the
 * same agreement as such a version ({@link SameAgreedText}).
 */
public final class SignatureRegister {

    private final Jdbi jdbi;
    private final SameAgreedText sameText;

    private final Optional<SourceChanged> sourceChanged;

    /** @param sameText tells whether an older version's archived text is the same agreement as a current one */
    public SignatureRegister(Jdbi jdbi, SameAgreedText sameText) {
        this(jdbi, sameText, Optional.empty());
    }

    /**
     * @param sameText      tells whether an older version's archived text is the same agreement as a current one
     * @param sourceChanged tells whether a translation signed has had its English changed since (ADR 0106);
     *                      empty: never said
     */
    public SignatureRegister(Jdbi jdbi, SameAgreedText sameText, Optional<SourceChanged> sourceChanged) {
        this.jdbi = jdbi;
        this.sameText = sameText;
        this.sourceChanged = sourceChanged;
    }

    /** Every agreement among {@code forms}, in group order (staff, pupils, parents, others), then by form id. */
    public List<AgreementSignatures> agreements(Manifest manifest, List<FormDefinition> forms) {
        return forms.stream().filter(form -> form.kind() == FormKind.AGREEMENT)
                .sorted(Comparator.comparing((FormDefinition form) -> form.signers())
                        .thenComparing(FormDefinition::id))
                .map(form -> of(manifest.school(), form)).toList();
    }

    public AgreementSignatures of(String school, FormDefinition form) {
        List<SubmissionRow> rows = jdbi.withExtension(SubmissionDao.class, dao -> dao.allOfForm(school, form.id()));
        Optional<String> nameField = signerField(form);
        Map<String, List<SubmissionRow>> byPerson = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (SubmissionRow row : rows) {
            if (row.erased()) {
                continue;
            }
            String name = nameField.map(field -> CanonicalJson.readFields(row.fieldsJson()).get(field))
                    .map(String::valueOf).orElse("");
            String key = name.isBlank() ? "\u0000" + row.reference() : PersonNames.searchKey(name);
            byPerson.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            typed.put(key, name);
        }
        Set<String> currentVersions = Set.copyOf(form.versions().values());
        // A version whose archived text is word for word a current one's is current too (ADR 0066).
        Predicate<String> current = version -> currentVersions.contains(version)
                || currentVersions.stream().anyMatch(now -> sameText.same(school, form.id(), version, now));
        List<Signer> signers = new ArrayList<>();
        byPerson.forEach((key, signatures) -> {
            SubmissionRow newest = signatures.get(signatures.size() - 1);
            Set<String> versions = new TreeSet<>();
            signatures.forEach(row -> versions.add(row.formVersion()));
            List<ConsentEvent> answers = jdbi.withExtension(ConsentEventDao.class, dao -> dao.latestFor(newest.id()));
            boolean onCurrent = current.test(newest.formVersion());
            boolean englishChanged = onCurrent && sourceChanged.map(check -> check.since(school, form.id(),
                    newest.lang(), newest.formVersion(), Optional.ofNullable(form.versions().get(SourceChanged.SOURCE))))
                    .orElse(false);
            signers.add(new Signer(typed.get(key), newest.reference(), newest.receivedAt(), newest.lang(),
                    newest.formVersion(), onCurrent, versions.size() - 1,
                    standing(form, answers, ConsentEvent.REFUSED), standing(form, answers, ConsentEvent.WITHDRAWN),
                    englishChanged));
        });
        signers.sort(Comparator.comparing(Signer::current).thenComparing(signer -> PersonNames.searchKey(signer.name())));
        return new AgreementSignatures(form, form.signers(), List.copyOf(signers));
    }

    /**
     * For governors: of the people who have signed the school's staff agreements, how many are on a
     * current version; empty when the school has no staff agreement or nobody has signed one.
     */
    public record StaffCurrency(FormDefinition form, int signed, int current) {
        public int percent() {
            return (int) Math.round(100.0 * current / signed);
        }
    }

    public List<StaffCurrency> staffOnCurrentVersion(Manifest manifest) {
        return agreements(manifest, manifest.forms()).stream()
                .filter(agreement -> agreement.group() == SignerGroup.STAFF && !agreement.signers().isEmpty())
                .map(agreement -> new StaffCurrency(agreement.form(), agreement.signers().size(),
                        agreement.current().size()))
                .toList();
    }

    /**
     * The agreement's consent statements (in form order) whose newest event on the signature is
     * {@code answer} for at least one child named: a permission refused, or withdrawn since (ADR 0106).
     */
    private static List<String> standing(FormDefinition form, List<ConsentEvent> newest, String answer) {
        return form.statements().keySet().stream().filter(key -> newest.stream()
                .anyMatch(event -> event.statement().equals(key) && answer.equals(event.answer()))).toList();
    }

    /** The field holding the signer's name: the first of type {@code name}, else the first {@code text}. */
    static Optional<String> signerField(FormDefinition form) {
        return first(form, FieldType.NAME).or(() -> first(form, FieldType.TEXT));
    }

    private static Optional<String> first(FormDefinition form, FieldType type) {
        return form.fields().stream().filter(field -> field.type() == type).map(FieldDefinition::name).findFirst();
    }
}
