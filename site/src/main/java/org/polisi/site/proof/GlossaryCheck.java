package org.polisi.site.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Holds the Welsh to the glossary, in two ways:
 * <ul>
 * <li>where English text uses a glossary term, its Welsh counterpart (the same section of the
 *     translated page, the same form text, the same bundle key) must use the Welsh term or a listed
 *     variant;</li>
 * <li>Welsh text must not use a form the glossary says to avoid.</li>
 * </ul>
 * Each deviation is a {@code glossary} finding at the Welsh file and line.
 */
final class GlossaryCheck {
    record Finding(Prose where, String message) {
    }

    private final Glossary glossary;

    GlossaryCheck(Glossary glossary) {
        this.glossary = glossary;
    }

    List<Finding> counterparts(Counterparts pair) {
        List<Finding> findings = new ArrayList<>();
        if (pair.translated().isEmpty()) {
            return findings;
        }
        List<String> english = pair.english().stream().map(p -> Glossary.fold(p.text())).toList();
        String translated = String.join("\n", pair.translated().stream().map(p -> Glossary.fold(p.text())).toList());
        for (Glossary.Term term : glossary.terms()) {
            for (int i = 0; i < english.size(); i++) {
                String line = english.get(i);
                if (term.matches().stream().anyMatch(m -> m.matcher(line).find())) {
                    if (!term.usedIn(translated)) {
                        Prose source = pair.english().get(i);
                        findings.add(new Finding(pair.translated().get(0), "the English (" + source.file().getFileName() + ":"
                                + source.line() + ") says '" + term.english() + "': the Welsh should say '" + term.welsh()
                                + "' (content/glossary.yml), or a variant listed there"));
                    }
                    break;
                }
            }
        }
        return findings;
    }

    List<Finding> avoided(Prose welsh) {
        List<Finding> findings = new ArrayList<>();
        String text = Glossary.fold(welsh.text());
        for (Glossary.Term term : glossary.terms()) {
            for (Glossary.Avoided avoided : term.avoided()) {
                Matcher found = avoided.pattern().matcher(text);
                if (found.find()) {
                    findings.add(new Finding(welsh, "'" + found.group() + "': content/glossary.yml says to write '" + term.welsh()
                            + "' for '" + term.english() + "', not '" + avoided.form() + "'"));
                }
            }
        }
        return findings;
    }
}
