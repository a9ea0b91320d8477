package org.polisi.forms.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The derived search key of a submission's answers ({@code submission_name_key.accent_free}): the
 * {@link PersonNames#accentFreeKey} of every answer, one after another. A search first keeps the
 * submissions whose key contains the query's accent-free key, then compares each answer with
 * {@link PersonNames#mentions} to say how it matched.
 */
public final class AnswerKeys {

    private AnswerKeys() {
    }

    /**
     * @param answers stored answers: each value a string or a list of strings
     * @return the accent-free key of all of them, separated by line breaks (folded to spaces)
     */
    public static String of(Map<String, Object> answers) {
        List<String> texts = new ArrayList<>();
        for (Object value : answers.values()) {
            if (value instanceof List<?> values) {
                values.forEach(each -> texts.add(String.valueOf(each)));
            } else if (value != null) {
                texts.add(String.valueOf(value));
            }
        }
        return PersonNames.accentFreeKey(String.join("\n", texts));
    }
}
