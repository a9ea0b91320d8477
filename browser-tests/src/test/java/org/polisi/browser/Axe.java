package org.polisi.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core over the page the browser shows, with the WCAG 2.0, 2.1 and 2.2 A and AA rules. */
public final class Axe {

    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Axe() {
    }

    /** Every violation on the current page, one paragraph each (rule, impact, help, elements); empty when clean. */
    public static String violations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        if (results.isErrored()) {
            return "axe-core could not run on " + driver.getCurrentUrl() + ": " + results.getErrorMessage();
        }
        return describe(results.getViolations());
    }

    static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + " " + rule.getHelpUrl() + "\n" + rule.getNodes().stream().map(Axe::describe)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String html = node.getHtml() == null ? "" : node.getHtml();
        if (html.length() > 200) {
            html = html.substring(0, 200) + "…";
        }
        return "    at " + node.getTarget() + ": " + html + "\n      "
                + String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
    }
}
