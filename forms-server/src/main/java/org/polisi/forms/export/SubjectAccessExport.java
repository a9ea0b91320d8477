package org.polisi.forms.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.storage.Times;

/**
 * Everything held that names a person (a subject access request): submissions with an answer that
 * contains the name, consent events for a pupil of that name, alerts they raised, and a staff
 * account of that name. The search is deliberately broad (a name inside a longer answer counts);
 * the school's data protection officer reviews the result before sending it.
 */
public final class SubjectAccessExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Jdbi jdbi;

    public SubjectAccessExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String forPerson(String name, Instant now) {
        String needle = name.strip().toLowerCase(Locale.ROOT);
        if (needle.length() < 2) {
            throw new IllegalArgumentException("give at least two letters of the person's name");
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("person", name.strip());
        export.put("generatedAt", Times.format(now));
        export.put("submissions", submissions(needle));
        export.put("consentEvents", rows("""
                SELECT e.school, e.form_id, s.reference, e.pupil, e.statement, e.answer, e.recorded_at
                FROM consent_event e JOIN submission s ON s.id = e.consent_submission
                WHERE instr(lower(e.pupil), :needle) > 0 ORDER BY e.id""", needle));
        export.put("alertsRaised", rows("""
                SELECT school, kind, reference, raised_by, category, raised_at FROM outbox
                WHERE instr(lower(raised_by), :needle) > 0 ORDER BY id""", needle));
        export.put("staffAccounts", rows("""
                SELECT school, name, email, role, created_at FROM staff_user
                WHERE instr(lower(name), :needle) > 0 ORDER BY id""", needle));
        try {
            return JSON.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
        }
    }

    private List<Map<String, Object>> submissions(String needle) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (SubmissionRow row : jdbi.withExtension(SubmissionDao.class, dao -> dao.mentioning(needle))) {
            Map<String, Object> answers = CanonicalJson.readFields(row.fieldsJson());
            boolean names = answers.values().stream()
                    .anyMatch(value -> String.valueOf(value).toLowerCase(Locale.ROOT).contains(needle));
            if (!names) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("school", row.school());
            entry.put("reference", row.reference());
            entry.put("form", row.formId());
            entry.put("kind", row.formKind());
            entry.put("language", row.lang());
            entry.put("receivedAt", Times.format(row.receivedAt()));
            entry.put("answers", answers);
            found.add(entry);
        }
        return found;
    }

    private List<Map<String, Object>> rows(String sql, String needle) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("needle", needle).mapToMap().list());
    }
}
