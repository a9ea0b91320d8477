package org.polisi.site.theme;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme's Freemarker templates hold markup only: every word a visitor reads comes from the
 * message bundles or the composed page, so a Welsh page never shows an English word of the theme.
 */
class TemplatesTest {
    private static final Pattern LETTER = Pattern.compile("\\p{L}+");
    /**
     * JBake's model entries that come from its content store. Pages are rendered without the store
     * (ADR 6): a template that used one of these would get nothing.
     */
    private static final Pattern STORE_MODEL = Pattern.compile(
            "\\b(db|data|published_\\w+|all_content|alltags|tag_posts|tagged_\\w+|posts|pages|tags|previousContent|nextContent)\\b");

    /** Template code that could name a model entry: comments and string literals removed. */
    static List<String> storeModelNames(String template) {
        String code = template.replaceAll("(?s)<#--.*?-->", " ").replaceAll("\"[^\"]*\"", "\"\"");
        Matcher directives = Pattern.compile("(?s)\\$\\{.*?}|<#[^>]*>").matcher(code);
        List<String> found = new java.util.ArrayList<>();
        while (directives.find()) {
            Matcher name = STORE_MODEL.matcher(directives.group());
            while (name.find()) {
                found.add(name.group(1));
            }
        }
        return found;
    }

    /** What a visitor could read in a template: its text with comments, directives, interpolations and tags removed. */
    static String visibleText(String template) {
        String text = template.replaceAll("(?s)<#--.*?-->", " ");
        text = text.replaceAll("(?s)<!--.*?-->", " ");
        text = removeInterpolations(text);
        text = text.replaceAll("(?s)</?[#@][^>]*>", " ");
        text = text.replaceAll("(?s)<![^>]*>", " ");
        text = text.replaceAll("(?s)<[^>]*>", " ");
        return text.replaceAll("&[a-zA-Z]+;|&#[0-9]+;", " ");
    }

    /** {@code ${...}} with any braces nested inside. */
    private static String removeInterpolations(String text) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth = 1;
                i++;
            } else if (depth > 0) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.theme().resolve("templates"))) { // the server's too, in server/
            return files.filter(f -> f.toString().endsWith(".ftl")).sorted().toList();
        }
    }

    @Test
    void noTemplateHoldsInterfaceText() throws IOException {
        List<Path> templates = templates();
        assertFalse(templates.isEmpty());
        for (Path template : templates) {
            Matcher words = LETTER.matcher(visibleText(Files.readString(template, StandardCharsets.UTF_8)));
            StringBuilder found = new StringBuilder();
            while (words.find()) {
                found.append(words.group()).append(' ');
            }
            assertEquals("", found.toString().trim(), template.getFileName() + " has text of its own: use a message key");
        }
    }

    @Test
    void theCheckFindsTextOutsideTagsAndKeepsTextInsideThem() {
        String template = "<#-- a comment --><p class=\"x\">${c[\"t-skip-link\"]} Skip</p><#if a>${b}</#if><!DOCTYPE html>";
        assertEquals("Skip", visibleText(template).trim());
        assertFalse(LETTER.matcher(visibleText("<title>${c.title} – ${c[\"polisi-school-name\"]}</title>")).find());
    }

    @Test
    void templatesReadOnlyThePageNeverJBakesContentStore() throws IOException {
        for (Path template : templates()) {
            assertEquals(List.of(), storeModelNames(Files.readString(template, StandardCharsets.UTF_8)),
                    template.getFileName() + " uses JBake's content store, which Polisi does not fill");
        }
        assertEquals(List.of("db", "published_posts"),
                storeModelNames("<p class=\"pages\">${db.getAllContent(\"page\")?size}</p><#list published_posts as p></#list>"));
    }
}
