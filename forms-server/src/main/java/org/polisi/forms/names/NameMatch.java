package org.polisi.forms.names;

/**
 * How a stored name matched a query: {@link #EXACT} after case folding and normalisation (see
 * {@link PersonNames}), {@link #WITHOUT_ACCENTS} only once accents were set aside, {@link
 * #OTHER_SEPARATORS} only once the separators between a name's parts were also taken as one
 * (Ann-Marie, Ann Marie, Ann.Marie: tester 3's fault 6), {@link #WITHOUT_APOSTROPHES} only once
 * apostrophes were also left out and a prefix joined to the rest (O'Brien, OBrien, O Brien: tester
 * 4's fault 5), {@link #MC_MAC} only once Mac and Mc were also taken as one (ADR 0094), {@link
 * #WITHOUT_PARTICLES} only once name particles were also left out or taken in another form (Dafydd
 * Owen, Dafydd ap Owen: Dafydd ab Owen; Ffion Bhriain: Ffion Ní Bhriain; tester 5's fault 3, ADR
 * 0098), or {@link #NONE}. Strongest first. A subject access export states this for each record so the data protection officer can
 * judge the weaker matches.
 */
public enum NameMatch {
    EXACT,
    WITHOUT_ACCENTS,
    OTHER_SEPARATORS,
    WITHOUT_APOSTROPHES,
    MC_MAC,
    WITHOUT_PARTICLES,
    NONE;

    /** True for every match but {@link #NONE}. */
    public boolean found() {
        return this != NONE;
    }

    /** The stronger of the two (the one listed first). */
    public NameMatch stronger(NameMatch other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
