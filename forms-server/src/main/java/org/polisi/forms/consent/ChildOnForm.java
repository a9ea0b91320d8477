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
     * check these. Names are compared only within a bucket of the same first letter (accents set aside).
     *
     * @param children  every child met, one per identity
     * @param reference the reference of a record by its id
     * @return by identity; children with nothing to check are left out
     */
    static Map<List<Object>, List<String>> alsoNamedBy(Iterable<ChildOnForm> children, LongFunction<String> reference) {
        Map<List<Object>, List<ChildOnForm>> buckets = new HashMap<>();
        for (ChildOnForm child : children) {
            String free = PersonNames.accentFreeKey(child.pupil());
            buckets.computeIfAbsent(List.of(child.formId(), free.isEmpty() ? "" : free.substring(0, 1)),
                    key -> new ArrayList<>()).add(child);
        }
        Map<List<Object>, Set<String>> found = new HashMap<>();
        for (List<ChildOnForm> bucket : buckets.values()) {
            // each name's keys made once (PersonNames.Query), not once per comparison
            List<PersonNames.Query> names = bucket.stream().map(child -> PersonNames.query(child.pupil())).toList();
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    ChildOnForm a = bucket.get(i);
                    ChildOnForm b = bucket.get(j);
                    if (a.consentSubmission() != b.consentSubmission()
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
}
