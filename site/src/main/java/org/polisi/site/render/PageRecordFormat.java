package org.polisi.site.render;

import org.polisi.site.forms.manifest.RenderedForm;

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
 * A {@link PageRecord} as bytes, for a cache entry's file: a format mark, the fields (counts and
 * lengths first, strings in UTF-8), then the SHA-256 of everything before it. Reading checks the
 * mark, the lengths and the digest, so a truncated, half-written or damaged entry reads as
 * nothing, never as a wrong page (docs/adr/0055-build-cache.md).
 */
final class PageRecordFormat {
    /** Changed whenever the layout changes: an entry in another layout is never read. */
    private static final String MARK = "polisi-page-record/1";
    /** No field of a real page comes near this; a larger length means a damaged entry. */
    private static final int MAX_LENGTH = 64 * 1024 * 1024;

    private PageRecordFormat() {
    }

    static byte[] write(PageRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(record.html().length + 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            string(out, MARK);
            string(out, record.url());
            byte[] html = record.html();
            out.writeInt(html.length);
            out.write(html);
            out.writeInt(record.forms().size());
            for (RenderedForm form : record.forms()) {
                for (String field : List.of(form.school(), form.formId(), form.lang(), form.version(), form.pageUrl())) {
                    string(out, field);
                }
            }
            out.writeInt(record.formProblems().size());
            for (String problem : record.formProblems()) {
                string(out, problem);
            }
            out.writeInt(record.asciidoc().size());
            for (PageRecord.LogLine line : record.asciidoc()) {
                out.writeInt(line.line());
                string(out, line.severity());
                string(out, line.message());
            }
            out.flush();
            return Sealed.seal(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** The record in {@code entry}, or empty when the entry is not one whole record of this format. */
    static Optional<PageRecord> read(byte[] entry) {
        return Sealed.open(entry).flatMap(PageRecordFormat::readBody);
    }

    private static Optional<PageRecord> readBody(byte[] body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (!MARK.equals(string(in))) {
                return Optional.empty();
            }
            String url = string(in);
            byte[] html = bytes(in);
            List<RenderedForm> forms = new ArrayList<>();
            for (int i = length(in); i > 0; i--) {
                forms.add(new RenderedForm(string(in), string(in), string(in), string(in), string(in)));
            }
            List<String> formProblems = new ArrayList<>();
            for (int i = length(in); i > 0; i--) {
                formProblems.add(string(in));
            }
            List<PageRecord.LogLine> asciidoc = new ArrayList<>();
            for (int i = length(in); i > 0; i--) {
                asciidoc.add(new PageRecord.LogLine(in.readInt(), string(in), string(in)));
            }
            return in.available() == 0 ? Optional.of(new PageRecord(url, html, forms, formProblems, asciidoc)) : Optional.empty();
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = length(in);
        byte[] read = in.readNBytes(length);
        if (read.length != length) {
            throw new IOException("truncated");
        }
        return read;
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("not a length: " + length);
        }
        return length;
    }
}
