package org.polisi.site.uptodate;

import org.polisi.site.confirm.ToConfirm;
import org.polisi.site.problem.Problem;
import org.polisi.site.render.RecordFields;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one published site's last build read, left and found, so that a build whose inputs for it
 * are unchanged can keep its published output and report it as a cold build would
 * (docs/adr/0067-per-school-builds.md): its inputs' fingerprint ({@link SiteInputs}), the listing
 * of what it published ({@link OutputListing}: its folder, forms manifest and archive of agreed
 * texts), the folders it is made of, its page count and languages, its problems (all in its own
 * folder, in report order), what it must confirm with the school, its entry in the root index, the
 * section ids of each of its pages (for links into it from other sites) and the other sites its
 * pages link to.
 *
 * @param ownDir    the site's own folder (its template's preview: the template's)
 * @param folders   the folders the site is made of, as {@code catalog.SiteCatalog.foldersOf} gives them
 * @param pageIds   each page's URL ({@code /<site>/<lang>/<key>.html}) and the ids of its elements
 * @param linksTo   the first path segment of every link of its pages that leaves the site
 */
public record SiteRecord(String id, String inputs, String outputs, Path ownDir, List<Path> folders, int pages,
                         List<String> languages, List<Problem> problems, List<ToConfirm> toConfirm, String indexEntry,
                         Map<String, List<String>> pageIds, List<String> linksTo) {

    public SiteRecord {
        folders = List.copyOf(folders);
        languages = List.copyOf(languages);
        problems = List.copyOf(problems);
        toConfirm = List.copyOf(toConfirm);
        pageIds = Map.copyOf(pageIds);
        linksTo = List.copyOf(linksTo);
    }

    /** The same record with the listing of its output as it is now. */
    SiteRecord withOutputs(String listing) {
        return new SiteRecord(id, inputs, listing, ownDir, folders, pages, languages, problems, toConfirm, indexEntry, pageIds, linksTo);
    }

    void write(DataOutputStream out) throws IOException {
        RecordFields.strings(out, List.of(id, inputs, outputs, ownDir.toString(), indexEntry));
        RecordFields.strings(out, folders.stream().map(Path::toString).toList());
        out.writeInt(pages);
        RecordFields.strings(out, languages);
        out.writeInt(problems.size());
        for (Problem problem : problems) {
            RecordFields.strings(out, List.of(problem.severity().name(), problem.code(),
                    problem.file() == null ? "" : problem.file().toString(), problem.message()));
            out.writeInt(problem.line());
            out.writeInt(problem.column());
        }
        out.writeInt(toConfirm.size());
        for (ToConfirm item : toConfirm) {
            RecordFields.strings(out, List.of(item.source(), item.file() == null ? "" : item.file().toString(), item.what(), item.why()));
            out.writeInt(item.line());
        }
        out.writeInt(pageIds.size());
        for (Map.Entry<String, List<String>> page : new java.util.TreeMap<>(pageIds).entrySet()) {
            RecordFields.string(out, page.getKey());
            RecordFields.strings(out, page.getValue());
        }
        RecordFields.strings(out, linksTo);
    }

    /** @throws IOException (or a runtime exception) when the bytes are not one whole record */
    static SiteRecord read(DataInputStream in) throws IOException {
        List<String> head = RecordFields.strings(in);
        if (head.size() != 5) {
            throw new IOException("damaged");
        }
        List<Path> folders = RecordFields.strings(in).stream().map(Path::of).toList();
        int pages = in.readInt();
        List<String> languages = RecordFields.strings(in);
        List<Problem> problems = new ArrayList<>();
        for (int i = RecordFields.count(in); i > 0; i--) {
            List<String> fields = RecordFields.strings(in);
            problems.add(new Problem(Problem.Severity.valueOf(fields.get(0)), fields.get(1),
                    fields.get(2).isEmpty() ? null : Path.of(fields.get(2)), in.readInt(), in.readInt(), fields.get(3)));
        }
        List<ToConfirm> toConfirm = new ArrayList<>();
        for (int i = RecordFields.count(in); i > 0; i--) {
            List<String> fields = RecordFields.strings(in);
            toConfirm.add(new ToConfirm(fields.get(0), fields.get(1).isEmpty() ? null : Path.of(fields.get(1)), in.readInt(),
                    fields.get(2), fields.get(3)));
        }
        Map<String, List<String>> pageIds = new LinkedHashMap<>();
        for (int i = RecordFields.count(in); i > 0; i--) {
            pageIds.put(RecordFields.string(in), RecordFields.strings(in));
        }
        List<String> linksTo = RecordFields.strings(in);
        return new SiteRecord(head.get(0), head.get(1), head.get(2), Path.of(head.get(3)), folders, pages, languages, problems,
                toConfirm, head.get(4), pageIds, linksTo);
    }
}
