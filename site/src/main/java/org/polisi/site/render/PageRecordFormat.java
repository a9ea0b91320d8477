package org.polisi.site.render;

import org.polisi.site.forms.manifest.RenderedForm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PageRecord} as bytes, for a cache entry's file: a format mark, the fields (counts and
 * lengths first, strings in UTF-8), then the digest of everything before it ({@link Sealed}). Reading checks the
 * mark, the lengths and the digest, so a truncated, half-written or damaged entry reads as
 * nothing, never as a wrong page (docs/adr/0055-build-cache.md).
 */
final class PageRecordFormat {
    /** Changed whenever the layout changes: an entry in another layout is never read. */
    private static final String MARK = "polisi-page-record/1";

    private PageRecordFormat() {
    }

    static byte[] write(PageRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(record.html().length + 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            RecordFields.string(out, MARK);
            RecordFields.string(out, record.url());
            byte[] html = record.html();
            RecordFields.bytes(out, html);
            out.writeInt(record.forms().size());
            for (RenderedForm form : record.forms()) {
                for (String field : List.of(form.school(), form.formId(), form.lang(), form.version(), form.pageUrl())) {
                    RecordFields.string(out, field);
                }
            }
            out.writeInt(record.formProblems().size());
            for (String problem : record.formProblems()) {
                RecordFields.string(out, problem);
            }
            out.writeInt(record.asciidoc().size());
            for (PageRecord.LogLine line : record.asciidoc()) {
                out.writeInt(line.line());
                RecordFields.string(out, line.severity());
                RecordFields.string(out, line.message());
            }
            out.flush();
            return Sealed.seal(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** The record in {@code entry}, or empty when the entry is not one whole record of this format. */
    static Optional<PageRecord> read(byte[] entry) {
        return Sealed.isWhole(entry) ? readBody(entry, Sealed.bodyLength(entry.length)) : Optional.empty();
    }

    /** The record in the first {@code length} bytes of {@code entry}, read in place. */
    private static Optional<PageRecord> readBody(byte[] entry, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, 0, length))) {
            if (!MARK.equals(RecordFields.string(in))) {
                return Optional.empty();
            }
            String url = RecordFields.string(in);
            byte[] html = RecordFields.bytes(in);
            List<RenderedForm> forms = new ArrayList<>();
            for (int i = RecordFields.count(in); i > 0; i--) {
                forms.add(new RenderedForm(RecordFields.string(in), RecordFields.string(in), RecordFields.string(in), RecordFields.string(in), RecordFields.string(in)));
            }
            List<String> formProblems = new ArrayList<>();
            for (int i = RecordFields.count(in); i > 0; i--) {
                formProblems.add(RecordFields.string(in));
            }
            List<PageRecord.LogLine> asciidoc = new ArrayList<>();
            for (int i = RecordFields.count(in); i > 0; i--) {
                asciidoc.add(new PageRecord.LogLine(in.readInt(), RecordFields.string(in), RecordFields.string(in)));
            }
            return in.available() == 0 ? Optional.of(new PageRecord(url, html, forms, formProblems, asciidoc)) : Optional.empty();
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }
}
