package org.polisi.forms.consent;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Derives what stands now from the events (newest answer wins, withdrawals included), and keeps their history readable. */
public final class ConsentState {

    private final Jdbi jdbi;

    public ConsentState(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<CurrentConsent> of(String school) {
        return jdbi.withExtension(ConsentEventDao.class, events -> events.currentState(school));
    }

    /** Everything that happened to one consent form's answers, oldest first. */
    public List<ConsentChange> historyOf(long consentSubmission) {
        return jdbi.withExtension(ConsentEventDao.class, events -> events.historyOf(consentSubmission));
    }
}
