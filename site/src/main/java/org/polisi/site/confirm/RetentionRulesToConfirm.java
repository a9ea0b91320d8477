package org.polisi.site.confirm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.contract.RetentionRule;

/**
 * RetentionRule rules no source states (issue 14): a form whose {@code retention:} carries a
 * {@code confirm:} reason keeps its records by a rule the school has not confirmed, so the privacy
 * notice promises it only once the school agrees. One item per such form, at its {@code retention:}
 * line, saying the rule and the reason. The forms are the catalog's (stage 1), never read again here.
 */
public final class RetentionRulesToConfirm implements ConfirmationSource {
    /** The {@link ToConfirm#source()} of its items. */
    public static final String SOURCE = "retention";

    @Override
    public List<ToConfirm> find(ResolvedSite site, Optional<SchoolForms> forms) {
        List<ToConfirm> items = new ArrayList<>();
        for (FormDefinition form : forms.map(SchoolForms::all).orElse(List.of())) {
            form.retention().confirmation().ifPresent(why -> items.add(new ToConfirm(SOURCE, form.source(),
                    form.retentionLine(), "form " + form.id() + ": " + describe(form.retention()), why)));
        }
        return items;
    }

    private static String describe(RetentionRule retention) {
        return switch (retention.rule()) {
            case AFTER_SUBMISSION -> "retention " + retention.amount() + " " + retention.unit().word() + " after submission";
            case AFTER_PUPIL_LEAVES -> "retention until the end of the school year the pupil leaves ("
                    + retention.lastYearGroup() + ") + " + retention.amount() + " year(s)";
            case UNTIL_STAFF_DATE -> "retention until a date staff set";
        };
    }
}
