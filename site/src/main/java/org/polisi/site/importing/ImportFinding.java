package org.polisi.site.importing;

/**
 * Something the importer wants a person to look at, at a line of the page it wrote, under the
 * heading {@code place} (empty before the first heading).
 */
public record ImportFinding(Kind kind, int line, String place, String message) {

    /** What kind of attention it needs; {@code code} is what the command prints. */
    public enum Kind {
        NOT_CONVERTED("not-converted"),
        ALT_TEXT("needs-alt-text"),
        FORM_CANDIDATE("form-candidate"),
        READ("read-from-document"),
        CHECK("check");

        public final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** {@code file:12 (under "Scope"): form-candidate: message}. */
    public String describe(String file) {
        String where = file + (line > 0 ? ":" + line : "") + (place.isBlank() ? "" : " (under \"" + place + "\")");
        return where + ": " + kind.code + ": " + message;
    }
}
