package org.polisi.site.theme;

import com.ibm.icu.text.MessagePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads ICU MessageFormat patterns the way the bundle tests need: argument names, plural forms. */
final class IcuMessages {
    private IcuMessages() {
    }

    /** Every argument name of the pattern, nested ones included. @throws IllegalArgumentException on bad syntax */
    static Set<String> argumentNames(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    /** The keyword selectors (not {@code =N}) of each plural argument of the pattern, in order. */
    static List<Set<String>> pluralForms(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        List<Set<String>> plurals = new ArrayList<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START || part.getArgType() != MessagePattern.ArgType.PLURAL) {
                continue;
            }
            Set<String> forms = new TreeSet<>();
            int limit = parsed.getLimitPartIndex(i);
            for (int j = i + 1; j < limit; j++) {
                MessagePattern.Part inner = parsed.getPart(j);
                if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    String selector = parsed.getSubstring(inner);
                    if (!selector.startsWith("=")) {
                        forms.add(selector);
                    }
                } else if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
                    j = parsed.getLimitPartIndex(j);     // nested plurals are read on their own
                }
            }
            plurals.add(forms);
        }
        return plurals;
    }
}
