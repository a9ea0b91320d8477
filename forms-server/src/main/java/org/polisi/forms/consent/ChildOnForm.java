package org.polisi.forms.consent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.names.PersonNames;

/**
 * The child a consent form (or notice of objection) names, as that form tells them apart: what decides
 * whether a later form takes an earlier one's place (ADR 0102). Two forms name the same child only
 * when the form is the same, the child's name is the same as {@link PersonNames#searchKey} compares
 * it (case, NFC or NFD, apostrophe and hyphen look-alikes, spacing and invisible characters set
 * aside), and every answer that tells children apart or names the sender is the same: the year
 * group, a class or a date of birth the form asks for, and the name of the parent who sent it (a
 * second family's form, or the other parent's, is never silently taken for a change of mind). A
 * form the server has no definition for gives each of its records its own child.
 *
 * @param identity       equal for two records of the same child (the form, the name's key, the answers)
 * @param formId         the form's id
 * @param consentSubmission the record (submission id) the child was first met on
 * @param pupil          the child's name as typed there
 */
record ChildOnForm(List<Object> identity, String formId, long consentSubmission, String pupil) {

    /**
     * @param form   the form's definition, or {@code null} when the server has none
     * @param formId the form's id
     * @param record the submission id
     * @param pupil  the child's name as typed on it
     * @param answers the record's stored answers
     */
    static ChildOnForm of(FormDefinition form, String formId, long record, String pupil, Map<String, Object> answers) {
        List<Object> identity = new ArrayList<>(List.of(formId, PersonNames.searchKey(pupil)));
        if (form == null) {
            identity.add(record);
        } else {
            for (FieldDefinition field : form.fields()) {
                if (tellsApart(field)) {
                    identity.add(field.name() + "=" + key(answers.get(field.name())));
                }
            }
        }
        return new ChildOnForm(List.copyOf(identity), formId, record, pupil);
    }

    /**
     * Whether a question's answer tells two children of one name apart, or names who sent the form:
     * the year group, the parent's name (a {@code name} question), a class ({@code class}, {@code
     * *-class}, {@code class-*}) or a date of birth ({@code *birth*}, {@code dob}).
     */
    static boolean tellsApart(FieldDefinition field) {
        String name = field.name().toLowerCase(Locale.ROOT);
        return field.type() == FieldType.YEAR_GROUP || field.type() == FieldType.NAME
                || name.equals("class") || name.endsWith("-class") || name.startsWith("class-")
                || name.contains("birth") || name.equals("dob");
    }

    /** An answer compared as a name is: case, normalisation and spacing set aside. */
    private static String key(Object answer) {
        if (answer instanceof List<?> list) {
            return String.join("\n", list.stream().map(each -> PersonNames.searchKey(String.valueOf(each))).toList());
        }
        return answer == null ? "" : PersonNames.searchKey(String.valueOf(answer));
    }

    /**
     * For each child, the references of the other live records of the same form naming a child whose
     * name may be theirs ({@link #mayBeSame}) but who is not unambiguously the same child: staff must
     * check these. Names are compared within a bucket of one form and one first letter (accents set
     * aside), so a name written with a leading particle ("ap Rhys") is not compared with one without.
     *
     * @param children  every child met, one per identity
     * @param reference the reference of a record by its id
     * @return by identity; children with nothing to check are left out
     */
    static Map<List<Object>, List<String>> alsoNamedBy(Iterable<ChildOnForm> children, LongFunction<String> reference) {
        Map<List<String>, List<ChildOnForm>> byForm = new HashMap<>();
        for (ChildOnForm child : children) {
            String free = PersonNames.accentFreeKey(child.pupil());
            byForm.computeIfAbsent(List.of(child.formId(), free.isEmpty() ? "" : free.substring(0, 1)),
                    key -> new ArrayList<>()).add(child);
        }
        Map<List<Object>, Set<String>> found = new HashMap<>();
        for (List<ChildOnForm> form : byForm.values()) {
            // each name's keys made once: its PersonNames.Query, its sift piece (in every text it mentions,
            // whatever the match) and its own sifted key; a pair is compared only when each key holds the
            // other's piece, which costs a string search, not a comparison (about 100 ms for 3,000 children)
            List<PersonNames.Query> names = new ArrayList<>();
            List<String> pieces = new ArrayList<>();
            List<String> sifted = new ArrayList<>();
            for (ChildOnForm child : form) {
                names.add(PersonNames.query(child.pupil()));
                pieces.add(PersonNames.siftPiece(child.pupil()));
                sifted.add(sifted(child.pupil()));
            }
            for (int i = 0; i < form.size(); i++) {
                for (int j = i + 1; j < form.size(); j++) {
                    ChildOnForm a = form.get(i);
                    ChildOnForm b = form.get(j);
                    if (a.consentSubmission() != b.consentSubmission()
                            && sifted.get(j).contains(pieces.get(i)) && sifted.get(i).contains(pieces.get(j))
                            && names.get(i).mentions(b.pupil()).found() && names.get(j).mentions(a.pupil()).found()) {
                        found.computeIfAbsent(a.identity(), key -> new LinkedHashSet<>())
                                .add(reference.apply(b.consentSubmission()));
                        found.computeIfAbsent(b.identity(), key -> new LinkedHashSet<>())
                                .add(reference.apply(a.consentSubmission()));
                    }
                }
            }
        }
        Map<List<Object>, List<String>> lists = new HashMap<>();
        found.forEach((identity, references) -> lists.put(identity, List.copyOf(references)));
        return lists;
    }

    /**
     * Whether two names may be one child's: each mentions the other ({@link PersonNames#mentions}, so
     * at any level down to a name particle left out: "Dafydd ap Owen", "Dafydd ab Owen", "Dafydd
     * Owen"; accents, separators, apostrophes, Mc and Mac). An empty name (a form without a pupil's
     * name) is nobody's: such forms are told apart by their sender alone.
     */
    static boolean mayBeSame(String a, String b) {
        return PersonNames.mentions(a, b) != NameMatch.NONE && PersonNames.mentions(b, a) != NameMatch.NONE;
    }

    /** The accent-free key without the characters a sift removes ({@link PersonNames#siftRemoves}). */
    private static String sifted(String name) {
        String removes = PersonNames.siftRemoves();
        StringBuilder key = new StringBuilder();
        PersonNames.accentFreeKey(name).chars().filter(c -> removes.indexOf(c) < 0).forEach(c -> key.append((char) c));
        return key.toString();
    }
}
