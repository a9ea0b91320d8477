package org.polisi.forms.archive;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether two form versions of one form stand for the same agreed text: a person who signed one has
 * agreed to exactly what the other asks, so they need not sign again (docs/adr/0066). That is so when
 * both snapshots are in the archive, each one's texts hash to its name (an altered snapshot proves
 * nothing), they are in the same language, their form definitions are the same text and their pages
 * as rendered ({@code pageHtml}) are the same once each one's own version and page hash are taken
 * out. A new version whose words are unchanged (a change of how versions are computed, a setting
 * the page does not show) is then the same agreement; any difference a person could see is not.
 * Anything missing or unreadable answers "not the same": the person is asked to sign again.
 */
public final class SameAgreedText {

    private final AgreedTextArchive archive;
    /** Snapshots never change once written, so an answer holds for the life of the server. */
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    public SameAgreedText(AgreedTextArchive archive) {
        this.archive = archive;
    }

    /**
     * @param school  the school's id
     * @param formId  the form's id
     * @param signed  the version a person signed (12 hex digits)
     * @param current a version the site publishes now
     * @return true when the two versions' archived texts are the same agreement, as above
     */
    public boolean same(String school, String formId, String signed, String current) {
        if (signed.equals(current)) {
            return true;
        }
        return answers.computeIfAbsent(school + "/" + formId + "/" + signed + "/" + current,
                key -> compare(school, formId, signed, current));
    }

    private boolean compare(String school, String formId, String signed, String current) {
        try {
            Optional<AgreedText> a = archive.find(school, formId, signed).filter(SameAgreedText::intact);
            Optional<AgreedText> b = archive.find(school, formId, current).filter(SameAgreedText::intact);
            return a.isPresent() && b.isPresent()
                    && a.get().language().equals(b.get().language())
                    && a.get().definition().equals(b.get().definition())
                    && seen(a.get()).equals(seen(b.get()));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean intact(AgreedText text) {
        return text.formVersion() != null && text.formVersion().equals(text.versionOfTexts())
                && text.definition() != null && text.pageHtml() != null && text.language() != null;
    }

    /** The rendered page without what names the version itself (the form's hidden form-version field). */
    private static String seen(AgreedText text) {
        return text.pageHtml().replace(text.formVersion(), "").replace(text.pageHash(), "");
    }
}
