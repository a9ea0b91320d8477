package org.polisi.forms.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.config.SecretKey;
import org.polisi.forms.consent.ConsentEventDao;
import org.polisi.forms.consent.ConsentRecorder;
import org.polisi.forms.consent.Withdrawals;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.names.AnswerKeys;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.NewSubmission;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.RecordChain;
import org.polisi.forms.storage.RecordChains;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.WriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.polisi.contract.InputIds;

/**
 * Receives a submission: finds its form in the manifest, refuses what the form does not allow,
 * and stores the rest (with its consent events and urgent alert) in one transaction that is
 * committed before anyone is told "received". A resubmission of the same answers, or of the same
 * idempotency key, gets the reference of the first.
 */
public final class SubmissionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");
    /** The derived search key of the answers (V11), for finding a person's records. */
    private static final String INSERT_NAME_KEY =
            "INSERT INTO submission_name_key (submission_id, accent_free) VALUES (?, ?)";

    private final ManifestCatalog manifests;
    private final FormValidator validator;
    private final SubmissionLedger ledger;
    private final ConsentRecorder consents = new ConsentRecorder();
    private final IncidentAlerts alerts = new IncidentAlerts();
    private final ReferenceGenerator references = new ReferenceGenerator();
    private final Messages messages;
    private final SecretKey secretKey;
    private final Clock clock;
    private final java.time.Duration duplicateWindow;
    private final AgreedTextArchive agreedTexts;

    /** @param agreedTexts the archive a submission's form version must have its snapshot in */
    public SubmissionService(ManifestCatalog manifests, Messages messages, SubmissionLedger ledger,
                             SecretKey secretKey, Clock clock, java.time.Duration duplicateWindow,
                             AgreedTextArchive agreedTexts) {
        this.agreedTexts = agreedTexts;
        this.manifests = manifests;
        this.messages = messages;
        this.validator = new FormValidator(messages, clock);
        this.ledger = ledger;
        this.secretKey = secretKey;
        this.clock = clock;
        this.duplicateWindow = duplicateWindow;
    }

    /**
     * Checks and, when valid, stores a submission. A post from the form's page that asks for the
     * check-your-answers step ({@link SubmissionRequest#CHECK_ANSWERS}) of a consent, agreement or objection form
     * is checked and not stored: {@link SubmissionOutcome.ReadyToSend}.
     */
    public SubmissionOutcome submit(SubmissionRequest request) {
        return receive(request, true);
    }

    /**
     * Checks answers kept in a draft ({@link FormDrafts}) again, in the request's language, storing
     * nothing: {@link SubmissionOutcome.Rejected} with the problems, {@link SubmissionOutcome.AddAnother}
     * when the draft was made by "add another", else {@link SubmissionOutcome.ReadyToSend}.
     */
    public SubmissionOutcome review(SubmissionRequest request) {
        return receive(request, false);
    }

    private SubmissionOutcome receive(SubmissionRequest request, boolean storing) {
        Optional<Manifest> manifest = manifests.school(request.school());
        Optional<FormDefinition> found = manifest.flatMap(school -> school.form(request.formId()));
        String postedFormId = request.single(SubmissionRequest.FORM_ID);
        if (found.isEmpty()) {
            LOG.info("Refused a submission to unknown form {}/{}", request.school(), request.formId());
            return new SubmissionOutcome.UnknownForm();
        }
        if (!postedFormId.isEmpty() && !postedFormId.equals(request.formId())) {
            // the form exists: say what was wrong (never the posted value, which the sender typed)
            LOG.info("Refused a submission to {}/{}: its form-id field names another form than its address",
                    request.school(), found.get().id());
            return new SubmissionOutcome.UnknownForm();
        }
        FormDefinition form = found.get();
        String postedLanguage = request.single(SubmissionRequest.FORM_LANG);
        boolean languageKnown = manifest.get().publishes(postedLanguage);
        String language = languageKnown ? postedLanguage : manifest.get().languages().get(0);

        if (manifest.get().preview()) {
            LOG.info("Refused a submission to {}/{}: a template's preview takes no submissions", request.school(), form.id());
            return new SubmissionOutcome.Preview(manifest.get(), form, language);
        }
        String adding = request.single(SubmissionRequest.ADD_ANOTHER);
        if (!adding.isEmpty() && form.field(adding).filter(field -> field.type() == FieldType.PUPIL_NAMES).isPresent()) {
            return new SubmissionOutcome.AddAnother(manifest.get(), form, language, adding, request.parameters());
        }
        if (!request.single(SubmissionRequest.SWITCH_LANGUAGE).isEmpty()) {
            // the form's page's language switch: what was typed goes to a draft, unchecked, to be shown in the other language
            return new SubmissionOutcome.AddAnother(manifest.get(), form, language, "", request.parameters());
        }
        if (storing && !request.single(SubmissionRequest.HONEYPOT).isEmpty()) {
            LOG.info("Refused a submission to {}/{}: the honeypot field was filled", request.school(), form.id());
            return new SubmissionOutcome.Discarded(manifest.get(), form, language);
        }

        Map<String, List<String>> answersPosted = new LinkedHashMap<>(request.parameters());
        SubmissionRequest.RESERVED.forEach(answersPosted::remove);
        if (form.kind() == FormKind.WITHDRAWAL) {   // the second page's choice is checked below, against the consent form
            answersPosted.remove(Withdrawals.CHOSEN);
            answersPosted.remove(Withdrawals.STEP);
        }
        Validation validation = validator.validate(form, language, answersPosted);
        List<FieldError> errors = new ArrayList<>();
        if (!languageKnown) {
            errors.add(formError(form, language, "error.form.language"));
        } else if (!form.publishedVersion(language, request.single(SubmissionRequest.FORM_VERSION))
                && !earlierIncidentVersion(manifest.get(), form, request.single(SubmissionRequest.FORM_VERSION))) {
            errors.add(formError(form, language, "error.form.version-changed"));
        } else if (!agreedTexts.has(manifest.get().school(), form.id(), request.single(SubmissionRequest.FORM_VERSION))) {
            // Never record a version whose text cannot be shown later: the site must be rebuilt.
            LOG.warn("Form version {} of {}/{} has no snapshot in the archive of agreed texts {}: rebuild the site "
                    + "(./polisi build) with the same archive folder", request.single(SubmissionRequest.FORM_VERSION),
                    manifest.get().school(), form.id(), agreedTexts.folder().toAbsolutePath());
            errors.add(formError(form, language, "error.form.text-not-archived"));
        }
        errors.addAll(unreadable(form, language, request.unreadable()));
        validation.errors().stream()
                .filter(error -> !request.unreadable().contains(error.field()))
                .forEach(errors::add);
        String idempotencyKey = request.single(SubmissionRequest.IDEMPOTENCY_KEY);
        if (!idempotencyKey.isEmpty() && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            errors.add(formError(form, language, "error.form.idempotency-key"));
        }
        if (!errors.isEmpty()) {
            return rejected(manifest.get(), form, language, errors, request, storing);
        }
        Map<String, Object> answers = validation.answers();
        boolean checkFirst = !request.single(SubmissionRequest.CHECK_ANSWERS).isEmpty()
                && FormKind.CHECKED_BEFORE_RECORDING.contains(form.kind());
        if (form.kind() != FormKind.WITHDRAWAL && (!storing || checkFirst)) {
            return new SubmissionOutcome.ReadyToSend(manifest.get(), form, language, answers, request.parameters());
        }
        if (form.kind() == FormKind.WITHDRAWAL) {
            Optional<Withdrawals.Target> target = Withdrawals.target(manifest.get(), answers,
                    reference -> ledger.find(manifest.get().school(), reference),
                    consent -> ledger.read(handle -> handle.attach(ConsentEventDao.class).latestFor(consent)));
            if (target.isEmpty()) {
                return rejected(manifest.get(), form, language, List.of(noMatch(form, language)), request, storing);
            }
            if (target.get().withdrawable().isEmpty()) {   // refused or withdrawn already: nothing to offer
                return rejected(manifest.get(), form, language,
                        List.of(referenceError(form, language, "error.withdrawal.nothing-given")), request, storing);
            }
            Withdrawals.Choice chosen = Withdrawals.chosen(target.get(),
                    request.parameters().getOrDefault(Withdrawals.CHOSEN, List.of()));
            boolean secondPage = !request.single(Withdrawals.STEP).isEmpty();
            if (!secondPage || !chosen.valid()) {
                List<FieldError> choiceErrors = secondPage ? choiceErrors(form, language, target.get(), chosen) : List.of();
                return new SubmissionOutcome.ChooseStatements(manifest.get(), form, language,
                        target.get().consentForm(), target.get().isRequest(), target.get().withdrawable(),
                        choiceErrors, request.parameters());
            }
            if (!storing) {   // a draft whose statements are chosen: nothing left to ask (a post records it at once)
                return new SubmissionOutcome.ReadyToSend(manifest.get(), form, language, answers, request.parameters());
            }
            answers = new LinkedHashMap<>(answers);
            answers.put(Withdrawals.CHOSEN, chosen.keys());
        }
        return store(manifest.get(), form, language, request, answers,
                idempotencyKey.isEmpty() ? null : idempotencyKey);
    }

    private SubmissionOutcome store(Manifest manifest, FormDefinition form, String language,
                                    SubmissionRequest request, Map<String, Object> answers, String idempotencyKey) {
        String fieldsJson = CanonicalJson.write(answers);
        String nameKey = AnswerKeys.of(answers); // folded here, not on the writer's one thread
        String fingerprint = secretKey.sign(String.join("\n", manifest.school(), form.id(), language,
                request.single(SubmissionRequest.FORM_VERSION), fieldsJson));
        Instant now = clock.instant();
        // hashed here, in the request thread: the ledger's one writer thread only links them
        List<RecordChain.Row> consentEvents = consents.prepareAnswers(form, answers, now); // none for most kinds
        SubmissionLedger.SaltedAnswers salted = ledger.salted(fieldsJson);
        String firstReference = references.next();   // drawn here too: the writer only checks it is unused
        // the resubmission check and the chains appended to, announced so that a batch's locks, heads
        // and checks are read in one request (ADR 65, ADR 71)
        SubmissionLedger.Resubmission check = idempotencyKey != null ? null : new SubmissionLedger.Resubmission(
                manifest.school(), form.id(), fingerprint, now.minus(duplicateWindow),
                consentEvents.isEmpty() ? List.of() : List.of(RecordChains.CONSENT_EVENT.name()));
        return ledger.inWriteTransaction(check, transaction -> {
            // the chain lock first: the resubmission check and the append it allows hold it together
            ledger.lockSchool(transaction, manifest.school());
            Optional<SubmissionRow> earlier = idempotencyKey != null
                    ? ledger.withIdempotencyKey(transaction, manifest.school(), form.id(), idempotencyKey)
                    : ledger.recentDuplicate(transaction, manifest.school(), form.id(), fingerprint,
                            now.minus(duplicateWindow));
            if (earlier.isPresent()) {
                LOG.info("Resubmission to {}/{} answered with the first reference", manifest.school(), form.id());
                return new SubmissionOutcome.Accepted(manifest, form, earlier.get(), true);
            }
            Optional<Withdrawals.Target> withdrawal = Optional.empty();
            if (form.kind() == FormKind.WITHDRAWAL) {
                // again inside the transaction: the consent may have been erased since the first page
                SubmissionDao records = transaction.handle().attach(SubmissionDao.class);
                withdrawal = Withdrawals.target(manifest, answers, records::findByReference,
                        transaction.handle().attach(ConsentEventDao.class)::latestFor);
                if (withdrawal.isEmpty()) {
                    return rejected(manifest, form, language, List.of(noMatch(form, language)), request, true);
                }
            }
            Optional<String> urgentCategory = UrgentConcern.category(form, answers);
            SubmissionRow stored = ledger.append(transaction, new NewSubmission(manifest.school(),
                    uniqueReference(transaction, firstReference),
                    form.id(), form.kind().word(), request.single(SubmissionRequest.FORM_VERSION), language, fieldsJson,
                    now, urgentCategory.isPresent(), fingerprint, idempotencyKey), salted);
            transaction.insert(INSERT_NAME_KEY, stored.id(), nameKey);   // sent with the batch's other inserts
            afterStoring(transaction, form, stored, answers, consentEvents, withdrawal, urgentCategory, now);
            return new SubmissionOutcome.Accepted(manifest, form, stored, false);
        });
    }

    private void afterStoring(WriteTransaction transaction, FormDefinition form, SubmissionRow stored, Map<String, Object> answers,
                              List<RecordChain.Row> consentEvents, Optional<Withdrawals.Target> withdrawal,
                              Optional<String> urgentCategory, Instant now) {
        if (!consentEvents.isEmpty()) {   // a consent form's answers, or a notice of objection's ticks
            consents.recordAnswers(transaction, stored, consentEvents);
        }
        withdrawal.ifPresent(target -> target.consent().ifPresentOrElse(consent -> {
            int withdrawn = consents.recordWithdrawal(transaction, stored, consent,
                    Withdrawals.names(answers.get(Withdrawals.CHOSEN)), target.pupils(), now);
            LOG.info("Withdrawal {} withdrew {} consent(s) given on {}", stored.reference(), withdrawn,
                    consent.reference());
        }, () -> LOG.info("Withdrawal request {} without a reference waits for staff to match it", stored.reference())));
        if (form.kind() == FormKind.INCIDENT) {
            alerts.queue(transaction, form, stored, answers, urgentCategory, now);
        }
    }

    /**
     * The second page's errors, at its one field, in the form's language: one per statement chosen
     * that cannot be withdrawn (named by its short label, as the consent form's own errors are), or
     * "choose something" when nothing (or nothing the form has) was chosen.
     */
    private List<FieldError> choiceErrors(FormDefinition form, String language, Withdrawals.Target target,
                                          Withdrawals.Choice chosen) {
        String id = InputIds.field(form.id(), Withdrawals.CHOSEN);
        List<FieldError> errors = new ArrayList<>();
        for (String key : chosen.notWithdrawable()) {
            errors.add(new FieldError(Withdrawals.CHOSEN, id, messages.format(language, "error.withdrawal.not-given",
                    Map.of("statement", target.consentForm().statements().get(key).shortLabel(language)))));
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError(Withdrawals.CHOSEN, id, messages.get(language, "error.withdrawal.none-chosen")));
        }
        return errors;
    }

    /** One message whatever failed (form, reference or child), so that a reference never tells whose form it is. */
    private FieldError noMatch(FormDefinition form, String language) {
        return referenceError(form, language, "error.withdrawal.no-match");
    }

    private FieldError referenceError(FormDefinition form, String language, String key) {
        FieldDefinition field = form.field(Withdrawals.REFERENCE).orElseThrow(() ->
                new IllegalStateException("withdrawal form " + form.id() + " has no 'reference' field"));
        return new FieldError(field.name(), InputIds.firstControl(form.id(), field),
                messages.get(language, key));
    }

    /** {@code first} if no submission has it, else the first unused one {@link #references} draws. */
    private String uniqueReference(WriteTransaction transaction, String first) {
        return ledger.unusedReference(transaction, references.startingWith(first));
    }

    /** One error per field whose bytes could not be read; "type it again", in the form's language. */
    private List<FieldError> unreadable(FormDefinition form, String language, Set<String> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : fields) {
            int dot = name.indexOf('.');
            Optional<FieldDefinition> field = form.field(dot < 0 ? name : name.substring(0, dot))
                    .filter(found -> dot < 0 ? found.type() != FieldType.CONSENT : found.statements().stream()
                            .anyMatch(statement -> statement.id().equals(name.substring(dot + 1))));
            if (field.isEmpty()) {
                errors.add(formError(form, language, "error.encoding.form"));
            } else {
                String inputId = dot < 0 ? InputIds.firstControl(form.id(), field.get())
                        : InputIds.part(InputIds.field(form.id(), field.get().name()), name.substring(dot + 1));
                errors.add(new FieldError(name, inputId, messages.format(language, "error.encoding.field",
                        Map.of("field", Text.in(field.get().label(), language)))));
            }
        }
        return errors.stream().distinct().toList();
    }

    private FieldError formError(FormDefinition form, String language, String key) {
        return new FieldError(FieldError.WHOLE_FORM, InputIds.title(form.id()), messages.get(language, key));
    }

    /** @param posted false when a draft's page is only shown again: nothing was sent, so nothing is logged */
    private static SubmissionOutcome rejected(Manifest manifest, FormDefinition form, String language,
                                              List<FieldError> errors, SubmissionRequest request, boolean posted) {
        boolean unreadable = !request.unreadable().isEmpty();
        if (posted) {
            LOG.info("Refused a submission to {}/{}: {}{}", manifest.school(), form.id(),
                    unreadable ? "unreadable (" + String.join(", ", request.unreadableCauses()) + "), " : "",
                    errors.stream().map(FieldError::field).distinct().toList());
        }
        return new SubmissionOutcome.Rejected(manifest, form, language, errors, request.parameters(), unreadable);
    }

    /**
     * An incident report sent from a page published earlier (the school rebuilt it while a teacher was
     * typing) is taken, not sent back: its reporter signs no text, so nothing they agreed to changed,
     * and an urgent report must not wait (tester 3's fault 12; ADR 0089). Only a version the archive
     * of agreed texts holds, so the record still names the page as its reporter saw it; its answers are
     * checked against the form as it is now, as every post's are.
     */
    private boolean earlierIncidentVersion(Manifest manifest, FormDefinition form, String version) {
        boolean earlier = form.kind() == FormKind.INCIDENT && agreedTexts.has(manifest.school(), form.id(), version);
        if (earlier) {
            LOG.info("Took a report to {}/{} sent from the earlier version {} of its page (an incident form: nothing is"
                    + " signed)", manifest.school(), form.id(), version);
        }
        return earlier;
    }
}
