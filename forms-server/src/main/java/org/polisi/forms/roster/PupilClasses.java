package org.polisi.forms.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.names.PersonNames;

/**
 * Finds a pupil's class on the roster by name, as {@link PersonNames#same} compares names (exactly,
 * then without accents): "Siân Jones", "SIAN JONES" and "Sian Jones" are one pupil. The keys are
 * made once per roster, so looking up every consent costs one key each.
 */
public final class PupilClasses {

    private final Map<String, String> byExactKey = new HashMap<>();
    private final Map<String, String> byAccentFreeKey = new HashMap<>();

    private PupilClasses(List<Roster.Entry> roster) {
        for (Roster.Entry entry : roster) {
            byExactKey.putIfAbsent(PersonNames.searchKey(entry.pupil()), entry.className());
            byAccentFreeKey.putIfAbsent(PersonNames.accentFreeKey(entry.pupil()), entry.className());
        }
    }

    public static PupilClasses of(List<Roster.Entry> roster) {
        return new PupilClasses(roster);
    }

    /** The class of the roster's pupil of that name, if the roster has one (empty names never match). */
    public Optional<String> classOf(String pupil) {
        String key = PersonNames.searchKey(pupil);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String found = byExactKey.get(key);
        return Optional.ofNullable(found != null ? found : byAccentFreeKey.get(PersonNames.accentFreeKey(pupil)));
    }

    /** True when the name is one of these (see {@link #classOf}). */
    public boolean contains(String pupil) {
        return classOf(pupil).isPresent();
    }
}
