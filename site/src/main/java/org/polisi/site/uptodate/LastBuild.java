package org.polisi.site.uptodate;

import org.polisi.site.render.RecordFields;
import org.polisi.site.render.Sealed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last build read and left, and what it told the person who ran it: the fingerprint of
 * its inputs ({@link BuildInputs}), the listing of its output folders after it ({@link OutputListing}),
 * its exit status, its page count, and its report line by line (standard output or error), without
 * its timings. Stored sealed ({@link Sealed}) after a format mark; one that is cut short, damaged or
 * of another format reads as nothing.
 */
public record LastBuild(String inputs, String outputs, int exitStatus, int pages, List<Line> report) {
    private static final String MARK = "polisi-last-build/1";

    public LastBuild {
        report = List.copyOf(report);
    }

    /** One line of the report; {@code error}: it went to standard error. */
    public record Line(boolean error, String text) {
    }

    byte[] write() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MARK);
            RecordFields.string(out, inputs);
            RecordFields.string(out, outputs);
            out.writeInt(exitStatus);
            out.writeInt(pages);
            out.writeInt(report.size());
            for (Line line : report) {
                out.writeBoolean(line.error());
                RecordFields.string(out, line.text());
            }
            out.flush();
            return Sealed.seal(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** The record in {@code stored}, or empty when it is not one whole record of this format. */
    static Optional<LastBuild> read(byte[] stored) {
        return Sealed.open(stored).flatMap(body -> {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
                if (!MARK.equals(in.readUTF())) {
                    return Optional.empty();
                }
                String inputs = RecordFields.string(in);
                String outputs = RecordFields.string(in);
                int status = in.readInt();
                int pages = in.readInt();
                List<Line> report = new ArrayList<>();
                for (int i = RecordFields.count(in); i > 0; i--) {
                    report.add(new Line(in.readBoolean(), RecordFields.string(in)));
                }
                return in.available() == 0 ? Optional.of(new LastBuild(inputs, outputs, status, pages, report)) : Optional.empty();
            } catch (IOException | RuntimeException damaged) {
                return Optional.empty();
            }
        });
    }
}
