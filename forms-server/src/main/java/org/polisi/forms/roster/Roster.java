package org.polisi.forms.roster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.storage.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The school's roster as stored: replaced whole by each upload, in one transaction, and each upload
 * recorded (who, when, how many pupils; never the names) in the append-only {@code roster_upload}.
 * Callers check the member of staff's role first ({@link org.polisi.forms.staff.StaffPermissions#mayUseRoster}).
 */
public final class Roster {

    private static final Logger LOG = LoggerFactory.getLogger(Roster.class);

    private final Jdbi jdbi;

    public Roster(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The newest upload of a school's roster. */
    public record Upload(String uploadedBy, int pupils, Instant uploadedAt) {
    }

    /** A pupil on the roster and their class. */
    public record Entry(String pupil, String className) {
    }

    /**
     * Replaces the user's school's roster with these pupils and records the upload.
     *
     * @param pupils a roster read without problems ({@link RosterCsv.Parsed#ok()})
     */
    public void replace(StaffUser user, List<RosterCsv.Pupil> pupils, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM roster_pupil WHERE school = :school").bind("school", user.school())
                    .execute();
            var batch = handle.prepareBatch(
                    "INSERT INTO roster_pupil (school, pupil, class_name, line) VALUES (:school, :pupil, :class, :line)");
            for (RosterCsv.Pupil pupil : pupils) {
                batch.bind("school", user.school()).bind("pupil", pupil.name()).bind("class", pupil.className())
                        .bind("line", pupil.line()).add();
            }
            if (!pupils.isEmpty()) {
                batch.execute();
            }
            handle.createUpdate("INSERT INTO roster_upload (school, staff_user_id, uploaded_by, pupils, uploaded_at)"
                            + " VALUES (:school, :user, :by, :pupils, :at)")
                    .bind("school", user.school()).bind("user", user.id())
                    .bind("by", user.name() + " <" + user.email() + ">").bind("pupils", pupils.size())
                    .bind("at", Times.format(now)).execute();
        });
        LOG.info("Staff account {} of {} replaced the roster: {} pupils", user.id(), user.school(), pupils.size());
    }

    /** The school's roster in the order uploaded. */
    public List<Entry> of(String school) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT pupil, class_name FROM roster_pupil WHERE school = :school ORDER BY id")
                .bind("school", school)
                .map((rs, ctx) -> new Entry(rs.getString("pupil"), rs.getString("class_name"))).list());
    }

    /** The school's newest upload, if there is one. */
    public Optional<Upload> lastUpload(String school) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT uploaded_by, pupils, uploaded_at FROM roster_upload WHERE school = :school"
                                + " ORDER BY id DESC LIMIT 1")
                .bind("school", school)
                .map((rs, ctx) -> new Upload(rs.getString("uploaded_by"), rs.getInt("pupils"),
                        Times.parse(rs.getString("uploaded_at")))).findOne());
    }

    /** The classes on the school's roster, in the order first met. */
    public List<String> classes(String school) {
        return of(school).stream().map(Entry::className).distinct().toList();
    }
}
