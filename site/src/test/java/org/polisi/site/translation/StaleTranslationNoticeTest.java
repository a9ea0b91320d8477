package org.polisi.site.translation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.history.PolicyRepository;
import org.polisi.site.render.RenderCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Welsh page whose English source changed in substance after it was last translated says so on
 * the page, in Welsh and English, with the day the English changed and a link to the English page
 * (issue: only ./polisi report said so). A real repository of the "good" fixture, committed on given
 * days and built through the build cache after each step, so that the cache's key is shown to
 * follow the English (the Welsh files never change here).
 */
class StaleTranslationNoticeTest {

    @Test
    void onlyAChangeInSubstanceGivesTheWelshPageANoticeWithTheDayItWasMade(@TempDir Path folder) throws Exception {
        try (PolicyRepository repository = PolicyRepository.ofGoodFixture()) {
            stampEveryTranslation(repository.content());
            repository.commit(LocalDate.of(2026, 1, 10), "translations up to date");
            BuildOptions options = Fixtures.options(repository.content(), folder, List.of());
            RenderCache cache = RenderCache.at(folder.resolve("cache"));

            build(options, cache);
            assertNull(notice(options, "adopter/cy/policy.html"), "up to date: no notice");
            assertNull(notice(options, "adopter/cy/about.html"));

            // white space only, then a change marked minor by the note it adds: neither is a change in substance
            repository.edit("schools/adopter/en/policy.adoc", "Our digital leader, Mr Owen Example,", "Our  digital leader,\nMr Owen Example,");
            repository.commit(LocalDate.of(2026, 2, 1), "spacing");
            repository.edit("schools/adopter/en/policy.adoc", ":adapts-template:\n", ":adapts-template:\n:change-note: minor: wording\n");
            repository.edit("schools/adopter/en/policy.adoc", "follow the same rules", "keep the same rules");
            repository.commit(LocalDate.of(2026, 3, 1), "a minor change");
            BuildResult minor = build(options, cache);
            assertNull(notice(options, "adopter/cy/policy.html"), "white space and minor changes: no notice");
            assertTrue(minor.translations().get("adopter").stream().noneMatch(TranslationState::stale));

            // the template changes a section the adopter replaces: the template's Welsh page says so, the adopter's does not
            repository.edit("clusters/demo/en/policy.adoc", "reports to the governors.", "reports to the governing body each term.");
            repository.commit(LocalDate.of(2026, 3, 10), "the template's roles");
            build(options, cache);
            assertNull(notice(options, "adopter/cy/policy.html"), "the adopter's readers never see the template's roles section");
            assertTrue(notice(options, "demo-template/cy/policy.html").text().contains("10 Mawrth 2026"),
                    notice(options, "demo-template/cy/policy.html").text());

            // a change in substance, with no note: the Welsh page says so, dated, in both languages
            repository.edit("schools/adopter/en/policy.adoc", "looks after online safety", "leads online safety");
            repository.commit(LocalDate.of(2026, 4, 15), "the digital leader leads");
            BuildResult changed = build(options, cache);
            Element stale = notice(options, "adopter/cy/policy.html");
            assertNotNull(stale, "a change in substance gives the Welsh page a notice (and a new render key)");
            Element welsh = stale.selectFirst("p[lang=cy]");
            Element english = stale.selectFirst("p[lang=en]");
            assertEquals("Mae'r fersiwn Saesneg wedi newid Diweddarwyd y fersiwn Saesneg o'r dudalen hon ar 15 Ebrill 2026, ac efallai nad"
                    + " yw'r fersiwn Gymraeg hon yn cynnwys y newidiadau hynny eto. Darllenwch y fersiwn Saesneg", welsh.text());
            assertEquals("The English version has changed The English version of this page was updated on 15 April 2026, and this Welsh"
                    + " version may not include those changes yet. Read the English version", english.text());
            for (Element link : stale.select("a")) {
                assertEquals("../en/policy.html", link.attr("href"));
                assertEquals("en", link.attr("hreflang"));
            }
            assertEquals("note", stale.attr("role"));
            assertEquals(Optional.of(LocalDate.of(2026, 4, 15)), changed.translations().get("adopter").stream()
                    .filter(t -> t.pageKey().equals("policy")).findFirst().orElseThrow().englishUpdated());
            assertNull(notice(options, "adopter/cy/about.html"), "another page's English did not change");

            // the template's English changes later: both its preview and the adopting school's page give the later day
            repository.edit("clusters/demo/en/policy.adoc", "who use the devices of the school", "who use any device of the school");
            repository.commit(LocalDate.of(2026, 5, 20), "any device");
            build(options, cache);
            assertTrue(notice(options, "adopter/cy/policy.html").text().contains("20 Mai 2026"), notice(options, "adopter/cy/policy.html").text());
            assertTrue(notice(options, "demo-template/cy/policy.html").text().contains("20 May 2026"));

            // an English change not yet committed: said without a day, which the history cannot give
            repository.edit("schools/adopter/en/about.adoc", "write our policies together", "write our policies with parents");
            build(options, cache);
            assertEquals("Mae'r fersiwn Saesneg wedi newid Mae'r fersiwn Saesneg o'r dudalen hon wedi ei diweddaru ers ysgrifennu'r"
                    + " fersiwn Gymraeg hon, ac efallai nad yw'r fersiwn Gymraeg hon yn cynnwys y newidiadau hynny eto."
                    + " Darllenwch y fersiwn Saesneg", notice(options, "adopter/cy/about.html").selectFirst("p[lang=cy]").text());
            assertNull(notice(options, "adopter/en/about.html"), "the English page carries no such notice");
        }
    }

    @Test
    void withoutARepositoryAnyDifferenceIsSaidWithoutADay(@TempDir Path folder) throws IOException {
        Path content = folder.resolve("content");
        org.polisi.site.render.FileTrees.copy(Fixtures.content("good"), content);
        stampEveryTranslation(content);
        Path english = content.resolve("schools/adopter/en/about.adoc");
        Files.writeString(english, Files.readString(english).replace("write our policies together", "write our policies with parents"));
        BuildOptions options = Fixtures.options(content, folder, List.of("adopter"));
        build(options, RenderCache.disabled());
        Element stale = notice(options, "adopter/cy/about.html");
        assertNotNull(stale);
        assertTrue(stale.selectFirst("p[lang=en]").text().contains("has been updated since this Welsh version was written"), stale.text());
        assertNull(notice(options, "adopter/cy/policy.html"));
    }

    /** Records in each Welsh file the hash of its English file now, as ./polisi stamp-translations does. */
    private static void stampEveryTranslation(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            for (Path welsh : files.filter(f -> f.toString().endsWith(".adoc") && f.getParent().getFileName().toString().equals("cy")).toList()) {
                Path english = welsh.getParent().resolveSibling("en").resolve(welsh.getFileName());
                String hash = TranslationPairer.hashOf(Files.readString(english, StandardCharsets.UTF_8));
                String text = Files.readString(welsh, StandardCharsets.UTF_8).replaceFirst(":translated-from: \\S+", ":translated-from: " + hash);
                Files.writeString(welsh, text, StandardCharsets.UTF_8);
            }
        }
    }

    private static BuildResult build(BuildOptions options, RenderCache cache) throws IOException {
        BuildResult result = new SiteBuild(options, line -> { }, Optional.of(cache), Fixtures.TOOLS).run();
        assertTrue(result.published(), () -> "build failed: " + result.problems());
        return result;
    }

    private static Element notice(BuildOptions options, String page) throws IOException {
        Document html = Jsoup.parse(Files.readString(options.outputDir().resolve(page), StandardCharsets.UTF_8));
        return html.selectFirst(".notice--stale");
    }
}
