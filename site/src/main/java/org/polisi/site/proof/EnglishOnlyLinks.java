package org.polisi.site.proof;

import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link on a Welsh page to a site that does not publish in Welsh must say so: "(Saesneg yn unig)"
 * after it, before the next link on the line. Every external site is taken to be English-only
 * unless {@code content/welsh-language-sites.txt} lists its host (one a line, with {@code #} and
 * why), so that a new link is marked until someone has checked that the site speaks Welsh.
 */
final class EnglishOnlyLinks {
    /** The marker, as the glossary gives it. */
    static final String MARKER = "(Saesneg yn unig)";
    static final String FILE_NAME = "welsh-language-sites.txt";
    private static final Pattern LINK = Pattern.compile("\\bhttps?://[^\\s\\[\\]<>\"]+(?:\\[[^\\]]*])?");

    private final Set<String> welshHosts;
    private final Map<String, Optional<String>> verdicts = new ConcurrentHashMap<>();

    private EnglishOnlyLinks(Set<String> welshHosts) {
        this.welshHosts = welshHosts;
    }

    static EnglishOnlyLinks read(Path file, Problems problems) {
        Set<String> hosts = new HashSet<>();
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = org.polisi.site.content.SourceText.read(file, problems).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    int hash = line.indexOf('#');
                    String host = (hash < 0 ? line : line.substring(0, hash)).strip().toLowerCase(Locale.ROOT);
                    if (!host.isEmpty()) {
                        if (hash < 0) {
                            problems.warning("word-list", file, i + 1, "'" + host + "': say after a # where the site offers Welsh");
                        }
                        hosts.add(host);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new EnglishOnlyLinks(hosts);
    }

    /**
     * The message for a Welsh line that links an English-only site without the marker, if it does.
     * It depends only on the line's text, so each distinct text is matched once per build: schools
     * adopting a template publish its lines a hundred times over.
     */
    Optional<String> check(SourceLine line) {
        String text = line.text();
        if (!text.contains("http")) {
            return Optional.empty();
        }
        return verdicts.computeIfAbsent(text, this::check);
    }

    private Optional<String> check(String text) {
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String url = link.group();
            int next = link.end();
            Matcher following = LINK.matcher(text);
            int until = following.find(next) ? following.start() : text.length();
            if (!welsh(url) && !text.substring(next, until).contains(MARKER)) {
                return Optional.of("the link to " + url.replaceFirst("\\[.*", "") + " leads to an English-only site: add '"
                        + MARKER + "' after it (or list the host in content/" + FILE_NAME + " if it offers Welsh)");
            }
        }
        return Optional.empty();
    }

    private boolean welsh(String url) {
        String host;
        try {
            host = Optional.ofNullable(URI.create(url.replaceFirst("\\[.*", "")).getHost()).orElse("").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String listed : welshHosts) {
            if (host.equals(listed) || host.endsWith("." + listed)) {
                return true;
            }
        }
        return false;
    }
}
