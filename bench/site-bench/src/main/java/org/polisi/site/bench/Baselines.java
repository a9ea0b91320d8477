package org.polisi.site.bench;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The two baselines the site build is compared with, on the very files a build resolved:
 * bare AsciidoctorJ (one instance, no JBake, no templates: the floor for the AsciiDoc work) and
 * plain JBake with a one-line template (what JBake itself costs). Our extensions are registered
 * through the service loader in both, as in the build; without a build context {@code form::}
 * renders its short "missing" marker instead of the form.
 */
public final class Baselines {
    private Baselines() {
    }

    /** Pages converted, and the seconds from the start of the method (JRuby start-up included) to the end. */
    public record Result(String what, int pages, double seconds, double startSeconds) {
        @Override
        public String toString() {
            return String.format("%s: %d pages in %.2f s (of which %.2f s creating the instance)", what, pages, seconds, startSeconds);
        }
    }

    public static Result bareAsciidoctor(Path sources, Path out, int threads) throws Exception {
        long start = System.nanoTime();
        List<Path> files = adocFiles(sources);
        Asciidoctor asciidoctor = Asciidoctor.Factory.create();
        double created = (System.nanoTime() - start) / 1e9;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> work = files.stream().map(file -> pool.submit(() -> {
                Path target = out.resolve(sources.relativize(file).toString().replaceFirst("\\.adoc$", ".html"));
                String html = asciidoctor.convert(Files.readString(file, StandardCharsets.UTF_8),
                        Options.builder().safe(SafeMode.UNSAFE).standalone(false).build());
                Files.createDirectories(target.getParent());
                Files.writeString(target, html, StandardCharsets.UTF_8);
                return (Object) null;
            })).toList();
            for (Future<Object> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        asciidoctor.shutdown();
        return new Result("bare AsciidoctorJ (" + threads + " thread" + (threads == 1 ? "" : "s") + ")", files.size(),
                (System.nanoTime() - start) / 1e9, created);
    }

    public static Result plainJBake(Path sources, Path work) throws IOException {
        long start = System.nanoTime();
        Path source = work.resolve("src");
        Path destination = work.resolve("out");
        FileTrees.deleteRecursively(work);
        FileTrees.copy(sources, source.resolve("content"));
        Files.createDirectories(source.resolve("templates"));
        Files.createDirectories(source.resolve("assets"));
        Files.writeString(source.resolve("templates/page.ftl"), "<!DOCTYPE html><html><body>${content.body}</body></html>\n");
        Files.writeString(source.resolve("jbake.properties"), String.join("\n",
                "render.index=false", "render.feed=false", "render.archive=false", "render.tags=false",
                "render.tagsindex=false", "render.sitemap=false", "render.error404=false",
                "template.page.file=page.ftl", "template.schoolindex.file=page.ftl", "template.clusterindex.file=page.ftl",
                "template.notfound.file=page.ftl", "db.store=memory", "default.status=published", "") + "\n");
        Files.createDirectories(destination);
        Oven oven = new Oven(new JBakeConfigurationFactory().createDefaultJbakeConfiguration(source.toFile(), destination.toFile(), true));
        oven.bake();
        if (!oven.getErrors().isEmpty()) {
            throw new IllegalStateException("plain JBake failed: " + oven.getErrors());
        }
        return new Result("plain JBake (minimal template)", adocFiles(sources).size(), (System.nanoTime() - start) / 1e9, 0);
    }

    static List<Path> adocFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
    }
}
