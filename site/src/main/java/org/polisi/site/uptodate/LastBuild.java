package org.polisi.site.uptodate;

import org.polisi.site.render.Sealed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final int MAX_LENGTH = 64 * 1024 * 1024;

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
            string(out, inputs);
            string(out, outputs);
            out.writeInt(exitStatus);
            out.writeInt(pages);
            out.writeInt(report.size());
            for (Line line : report) {
                out.writeBoolean(line.error());
                string(out, line.text());
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
                String inputs = string(in);
                String outputs = string(in);
                int status = in.readInt();
                int pages = in.readInt();
                List<Line> report = new ArrayList<>();
                for (int i = length(in); i > 0; i--) {
                    report.add(new Line(in.readBoolean(), string(in)));
                }
                return in.available() == 0 ? Optional.of(new LastBuild(inputs, outputs, status, pages, report)) : Optional.empty();
            } catch (IOException | RuntimeException damaged) {
                return Optional.empty();
            }
        });
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = length(in);
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) {
            throw new IOException("truncated");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("not a length: " + length);
        }
        return length;
    }
}
