package org.polisi.site.check;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.render.RenderCache;
import org.polisi.site.render.RenderKeys;
import org.polisi.site.render.RecordFields;
import org.polisi.site.render.Sealed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML checks' results of one page group (a page in each of its languages) kept in the build
 * cache (docs/adr/0062-nothing-changed-builds.md), so that a group whose pages all have the same
 * {@link RenderKeys render keys} as when it was checked is not read and parsed again. A page's HTML
 * depends on nothing but its key, and what the group's checks read besides the HTML (the page's
 * composed AsciiDoc, its URL, language and site, the theme's words) is in the key too; so is the
 * checks' code. Kept per group: each page's ids, links and title (for the link check across pages,
 * which runs every build, and the root index) and each finding with the text it was found by, its
 * author's file and line found again from the page's current origins, as a fresh check would.
 * An entry is sealed ({@link Sealed}); one that is not whole is ignored and the group checked again.
 */
final class CheckedGroups {
    private static final String MARK = "polisi-html-checks/1";

    private final RenderCache cache;
    private final Map<String, String> keys;

    /** @param keys each page's render key by URL ({@code RenderedSite.keys()}) */
    CheckedGroups(RenderCache cache, Map<String, String> keys) {
        this.cache = cache;
        this.keys = Map.copyOf(keys);
    }

    /** No cache: every group is checked. */
    static CheckedGroups none() {
        return new CheckedGroups(RenderCache.disabled(), Map.of());
    }

    /** What a group's checks found, as kept: each finding names its page by URL and keeps the text it was found by. */
    record Finding(String url, String code, String message, List<String> needles) {
        Finding {
            needles = List.copyOf(needles);
        }
    }

    /** One page as the link check and the root index need it. */
    record Page(String url, Set<String> ids, List<String> links, String title) {
    }

    /** A group's results: its pages in order and its findings in the order they were found. */
    record Result(List<Page> pages, List<Finding> findings) {
        Result {
            pages = List.copyOf(pages);
            findings = List.copyOf(findings);
        }
    }

    /** The group's key, or empty when a page has no render key (it was not rendered through the cache). */
    Optional<String> key(List<StagedPage> group) {
        List<String> parts = new ArrayList<>(List.of(MARK, RenderKeys.code()));
        for (StagedPage page : group) {
            String key = keys.get(page.url());
            if (key == null) {
                return Optional.empty();
            }
            parts.add(page.url());
            parts.add(key);
        }
        return Optional.of(RenderKeys.hash(parts.toArray(String[]::new)));
    }

    /** The group's kept results, if whole and of exactly these pages. */
    Optional<Result> get(String key, List<StagedPage> group) {
        return cache.read(key).flatMap(CheckedGroups::entry)
                .filter(result -> result.pages().stream().map(Page::url).toList()
                        .equals(group.stream().map(StagedPage::url).toList()));
    }

    void put(String key, Result result) {
        cache.write(key, entry(result));
    }

    /** A cache entry's bytes for {@code result}. */
    static byte[] entry(Result result) {
        return Sealed.seal(write(result));
    }

    /** The result in a cache entry, or empty when it is not one whole entry of this format. */
    static Optional<Result> entry(byte[] bytes) {
        return Sealed.open(bytes).flatMap(CheckedGroups::read);
    }

    private static byte[] write(Result result) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MARK);
            out.writeInt(result.pages().size());
            for (Page page : result.pages()) {
                RecordFields.string(out, page.url());
                RecordFields.strings(out, List.copyOf(page.ids()));
                RecordFields.strings(out, page.links());
                out.writeBoolean(page.title() != null);
                RecordFields.string(out, page.title() == null ? "" : page.title());
            }
            out.writeInt(result.findings().size());
            for (Finding finding : result.findings()) {
                RecordFields.string(out, finding.url());
                RecordFields.string(out, finding.code());
                RecordFields.string(out, finding.message());
                RecordFields.strings(out, finding.needles());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private static Optional<Result> read(byte[] body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (!MARK.equals(in.readUTF())) {
                return Optional.empty();
            }
            List<Page> pages = new ArrayList<>();
            for (int i = RecordFields.count(in); i > 0; i--) {
                String url = RecordFields.string(in);
                Set<String> ids = new HashSet<>(RecordFields.strings(in));
                List<String> links = RecordFields.strings(in);
                boolean titled = in.readBoolean();
                String title = RecordFields.string(in);
                pages.add(new Page(url, ids, links, titled ? title : null));
            }
            List<Finding> findings = new ArrayList<>();
            for (int i = RecordFields.count(in); i > 0; i--) {
                findings.add(new Finding(RecordFields.string(in), RecordFields.string(in), RecordFields.string(in), RecordFields.strings(in)));
            }
            return in.available() == 0 ? Optional.of(new Result(pages, findings)) : Optional.empty();
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }
}
