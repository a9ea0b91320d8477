package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Nu Html Checker (the W3C's validator), run in-process over every generated page: zero errors.
 * Needs no browser, so it runs everywhere.
 */
class HtmlValidityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Nu checker's errors in one HTML document (a page the server wrote, fetched as it sent it). */
    static List<String> errorsIn(String html) throws Exception {
        return errors(JSON.readTree(validator().validate(
                new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    private static EmbeddedValidator validator() {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        return validator;
    }

    @Test
    void theCheckerReallyReportsErrors() throws Exception {
        String broken = "<!DOCTYPE html><html lang=en><head></head><body><p id=a><p id=a></body></html>";
        List<String> errors = errors(JSON.readTree(validator().validate(
                new java.io.ByteArrayInputStream(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertTrue(errors.size() >= 2, "a missing title and a duplicate id: " + errors);
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedPageIsValidHtml() {
        BakedSites sites = BakedSites.get();
        EmbeddedValidator validator = validator();
        return sites.pages().stream().map(page -> DynamicTest.dynamicTest(page, () -> {
            List<String> errors = errors(JSON.readTree(validator.validate(sites.file(page))));
            assertTrue(errors.isEmpty(), "Nu Html Checker errors in " + page + ":\n" + String.join("\n", errors));
        }));
    }

    private static List<String> errors(JsonNode report) {
        JsonNode messages = report.path("messages");
        List<String> errors = new ArrayList<>();
        for (JsonNode message : messages) {
            String type = message.path("type").asText();
            if ("error".equals(type) || "non-document-error".equals(type)
                    || "fatal".equals(message.path("subType").asText())) {
                errors.add("line " + message.path("lastLine").asText("?") + ": " + message.path("message").asText()
                        + "  [" + message.path("extract").asText("").strip() + "]");
            }
        }
        return errors;
    }
}
