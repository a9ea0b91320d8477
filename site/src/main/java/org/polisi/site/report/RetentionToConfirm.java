package org.polisi.site.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polisi.site.compose.FormReferences;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.FormDefinition;
import org.polisi.site.forms.FormDefinitionException;
import org.polisi.site.forms.SchoolForms;

/**
 * The retention rules the school must confirm: a form whose {@code retention:} carries a
 * {@code confirm:} reason has a rule that no source states, so the privacy notice promises it only
 * once the school agrees. Listed under "to confirm with the school" by {@code ./polisi report}.
 */
final class RetentionToConfirm {

    private RetentionToConfirm() {
    }

    /** One entry per such form: {@code form}, {@code rule} (as written in YAML), {@code why}, {@code file}. */
    static List<Map<String, String>> of(ResolvedSite site) {
        SchoolForms forms;
        try {
            forms = SchoolForms.load(site.id(), site.languages(), FormReferences.formsDirs(site));
        } catch (FormDefinitionException broken) {
            return List.of(); // the build reports broken forms with file and line
        }
        List<Map<String, String>> entries = new ArrayList<>();
        for (FormDefinition form : forms.all()) {
            form.retention().confirm().ifPresent(why -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("form", form.id());
                entry.put("rule", describe(form));
                entry.put("why", why);
                entry.put("file", form.source().toString());
                entries.add(entry);
            });
        }
        return entries;
    }

    private static String describe(FormDefinition form) {
        var retention = form.retention();
        return switch (retention.rule()) {
            case AFTER_SUBMISSION -> "retention " + retention.amount() + " " + retention.unit().word() + " after submission";
            case AFTER_PUPIL_LEAVES -> "retention until the end of the school year the pupil leaves ("
                    + retention.lastYearGroup() + ") + " + retention.amount() + " year(s)";
            case UNTIL_STAFF_DATE -> "retention until a date staff set";
        };
    }
}
