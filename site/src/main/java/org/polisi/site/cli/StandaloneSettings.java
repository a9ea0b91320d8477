package org.polisi.site.cli;

/**
 * The settings file of a new school that stands alone: every key, each with a comment that says
 * what it does, in the order of CONTRIBUTING.md's description of {@code school.yml}. Values that
 * only the school knows are left blank, never invented.
 */
final class StandaloneSettings {
    private StandaloneSettings() {
    }

    static String text(String id, String name, String welshName, boolean wales) {
        String english = quoted(name);
        String welsh = quoted(welshName == null ? name : welshName);
        return """
                # Settings of %1$s. Each setting is explained on the line above it; see also CONTRIBUTING.md.
                # A value is either one text for every language, or {en: ..., cy: ...}.

                # The school's name as it appears on every page.%6$s
                name: {en: %2$s%3$s}
                # The languages the school publishes in: [en, cy] in Wales, [en] in England.
                languages: [%4$s]
                # This school writes its own pages. To adopt a cluster's template instead, write its id here.
                adopts: none
                # Optional: one sentence saying why the school does not adopt a cluster template.
                why-standalone: ""
                # The local authority, e.g. {en: Cardiff Council, cy: Cyngor Caerdydd}.
                local-authority: ""
                # Who approves the policies: governing-body, management-committee, trust-board or proprietor.
                approving-body: governing-body
                # What the setting calls its children: pupils, learners or children.
                children: pupils
                # The head's title: headteacher, head-of-centre, principal or manager.
                head-title: headteacher
                # The people the pages name, as {headteacher}, {safeguarding-lead} and so on. Blank until you fill them in:
                # a person's name as it is (Mrs A. Example)%7$s.
                roles:
                  headteacher: ""
                  online-safety-coordinator: ""
                  safeguarding-lead: ""
                  online-safety-governor: ""
                  chair-of-governors: ""
                # Dates of the policies, unless a page states its own (ISO dates: 2026-03-31).
                policy:
                  version: ""
                  last-updated: ""
                  approved-by: ""      # blank means "awaiting approval": fill in only once the policy is approved
                  approved-on: ""
                  review-due: ""
                # Where parents write to about the policies and forms (shown in every page's footer).
                contact-email: ""
                # Where the forms in the pages send their answers (the forms server); leave as it is.
                forms-endpoint: /forms
                # The address the site will be published at.
                base-url: http://localhost:7070/%5$s/
                # Further values the pages use as {name}: e.g. technical-provider: {en: ..., cy: ...}
                attributes: {}
                """.formatted(name, english, wales ? ", cy: " + welsh : "", wales ? "en, cy" : "en", id,
                wales && welshName == null ? "\n# The Welsh name is the English one until you write the school's Welsh name here." : "",
                wales ? ", a role's title in each language: {en: the Headteacher, cy: y Pennaeth} (one text is shown on the Welsh pages too)" : "");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "").replace("\"", "'") + "\"";
    }
}
