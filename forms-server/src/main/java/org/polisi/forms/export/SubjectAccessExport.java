package org.polisi.forms.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.Times;

/**
 * A subject access export: {@link PersonSearch}'s findings as a JSON document (written by Jackson,
 * so every answer comes back exactly as stored), each record with {@code "matched": "exactly"} or
 * {@code "without accents"}.
 */
public final class SubjectAccessExport {

    /** Indented; bidirectional formatting characters escaped ({@link org.polisi.forms.text.BidiControls#jsonEscapes}). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setCharacterEscapes(org.polisi.forms.text.BidiControls.jsonEscapes());
    }

    private final PersonSearch search;

    public SubjectAccessExport(PersonSearch search) {
        this.search = search;
    }

    /**
     * @param name the person's name as typed
     * @param now when the export is made
     * @return the findings of every school, as indented JSON
     * @throws IllegalArgumentException when the name has fewer than two characters
     */
    public String forPerson(String name, Instant now) {
        return write(search.find(name, PersonSearch.Scope.everything()), now);
    }

    /** The findings as JSON. */
    public static String write(PersonSearch.Findings findings, Instant now) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("person", findings.person());
        export.put("generatedAt", Times.format(now));
        export.put("submissions", findings.submissions().stream().map(SubjectAccessExport::submission).toList());
        export.put("consentEvents", findings.consentEvents().stream().map(event -> entry(
                "school", event.school(), "form", event.formId(), "reference", event.reference(),
                "pupil", event.pupil(), "statement", event.statement(), "answer", event.answer(),
                "recordedAt", Times.format(event.recordedAt()), "matched", matched(event.match()))).toList());
        export.put("alertsRaised", findings.alertsRaised().stream().map(alert -> entry(
                "school", alert.school(), "kind", alert.kind(), "reference", alert.reference(),
                "raisedBy", alert.raisedBy(), "category", alert.category(),
                "raisedAt", Times.format(alert.raisedAt()), "matched", matched(alert.match()))).toList());
        export.put("incidentChronology", findings.incidentEvents().stream().map(event -> entry(
                "school", event.school(), "form", event.formId(), "reference", event.reference(),
                "entry", event.seq(), "kind", event.kind(), "detail", event.detail(),
                "recordedBy", event.recordedBy(), "recordedAt", Times.format(event.recordedAt()),
                "matched", matched(event.match()))).toList());
        export.put("incidentViews", findings.incidentViews().stream().map(view -> entry(
                "school", view.school(), "form", view.formId(), "reference", view.reference(),
                "viewer", view.viewer(), "channel", view.channel(), "viewedAt", Times.format(view.viewedAt()),
                "matched", matched(view.match()))).toList());
        export.put("withdrawalDecisions", findings.withdrawalDecisions().stream().map(decision -> entry(
                "school", decision.school(), "form", decision.formId(), "reference", decision.reference(),
                "decision", decision.decision(), "decidedBy", decision.decidedBy(),
                "decidedAt", Times.format(decision.decidedAt()), "matched", matched(decision.match()))).toList());
        export.put("staffAccounts", findings.staffAccounts().stream().map(account -> entry(
                "school", account.school(), "name", account.name(), "email", account.email(),
                "role", account.role(), "createdAt", Times.format(account.createdAt()),
                "matched", matched(account.match()))).toList());
        export.put("erasures", findings.erasures().stream().map(erasure -> entry(
                "school", erasure.school(), "form", erasure.formId(), "reference", erasure.reference(),
                "reason", erasure.reason(), "erasedBy", erasure.erasedBy(),
                "erasedAt", Times.format(erasure.erasedAt()), "matched", matched(erasure.match()))).toList());
        export.put("staffAccountChanges", findings.accountChanges().stream().map(change -> entry(
                "school", change.school(), "account", change.account(), "change", change.change(),
                "changedBy", change.changedBy(), "changedAt", Times.format(change.changedAt()),
                "matched", matched(change.match()))).toList());
        export.put("rosterUploads", findings.rosterUploads().stream().map(upload -> entry(
                "school", upload.school(), "uploadedBy", upload.uploadedBy(), "pupils", upload.pupils(),
                "uploadedAt", Times.format(upload.uploadedAt()), "matched", matched(upload.match()))).toList());
        export.put("rosterPupils", findings.rosterPupils().stream().map(pupil -> entry(
                "school", pupil.school(), "pupil", pupil.pupil(), "class", pupil.className(),
                "matched", matched(pupil.match()))).toList());
        try {
            return JSON.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
        }
    }

    /** How a record matched, in the export's words. */
    public static String matched(NameMatch match) {
        return switch (match) {
            case EXACT -> "exactly";
            case WITHOUT_ACCENTS -> "without accents";
            case OTHER_SEPARATORS -> "with other spaces or hyphens";
            case WITHOUT_APOSTROPHES -> "without apostrophes, or with a prefix such as O or Mc joined";
            case MC_MAC -> "with Mc and Mac taken as one";
            case WITHOUT_PARTICLES -> "looser: with a particle such as ap, ab, ferch, Ní, Mac or de left out or written another way";
            case NONE -> throw new IllegalArgumentException("not a match");
        };
    }

    private static Map<String, Object> submission(PersonSearch.FoundSubmission found) {
        SubmissionRow row = found.record();
        Map<String, Object> entry = entry("school", row.school(), "reference", row.reference(), "form", row.formId(),
                "kind", row.formKind(), "language", row.lang(), "receivedAt", Times.format(row.receivedAt()),
                "matched", matched(found.match()));
        entry.put("matchedIn", found.fields());
        entry.put("answers", found.answers());
        return entry;
    }

    private static Map<String, Object> entry(Object... pairs) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entry.put((String) pairs[i], pairs[i + 1]);
        }
        return entry;
    }
}
