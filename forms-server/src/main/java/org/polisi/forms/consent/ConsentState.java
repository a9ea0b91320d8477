package org.polisi.forms.consent;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.names.PersonNames;

/** Derives what stands now from the events (newest answer wins, withdrawals included), and keeps their history readable. */
public final class ConsentState {

    /** Alphabetical order for names in any language (ICU's root collation: Ŵ with W, Ł after L). */
    private static final Comparator<Object> PUPIL_ORDER = Collator.getInstance(ULocale.ROOT).freeze();

    private final Jdbi jdbi;

    public ConsentState(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * For each pupil, form and statement: the newest event and how many events led there. Pupils
     * are the same pupil when {@link PersonNames#same} says so exactly (case, NFD, apostrophe and
     * hyphen look-alikes and spacing set aside), never by SQL's ASCII-only case folding.
     *
     * @return ordered by pupil (alphabetically, by the Unicode Collation Algorithm), form and statement
     */
    public List<CurrentConsent> of(String school) {
        Map<List<String>, CurrentConsent> newest = new LinkedHashMap<>();
        Map<List<String>, Integer> changes = new HashMap<>();
        for (CurrentConsent event : jdbi.withExtension(ConsentEventDao.class, events -> events.liveEvents(school))) {
            List<String> key = List.of(PersonNames.searchKey(event.pupil()), event.formId(), event.statement());
            newest.put(key, event);
            changes.merge(key, 1, Integer::sum);
        }
        return newest.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((List<String> key) -> key.get(0), PUPIL_ORDER)
                        .thenComparing(key -> key.get(1)).thenComparing(key -> key.get(2))))
                .map(entry -> {
                    CurrentConsent event = entry.getValue();
                    return new CurrentConsent(event.pupil(), event.formId(), event.statement(), event.answer(),
                            event.since(), event.reference(), changes.get(entry.getKey()));
                })
                .toList();
    }

    /** Everything that happened to one consent form's answers, oldest first. */
    public List<ConsentChange> historyOf(long consentSubmission) {
        return jdbi.withExtension(ConsentEventDao.class, events -> events.historyOf(consentSubmission));
    }
}
