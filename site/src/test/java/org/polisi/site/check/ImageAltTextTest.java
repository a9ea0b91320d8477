package org.polisi.site.check;

import org.junit.jupiter.api.Test;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An image without alt text is a warning at its line; a description, or a decorative [""], is not. */
class ImageAltTextTest {
    private static final Path FILE = Path.of("content/schools/x/en/policy.adoc");

    @Test
    void anImageWithoutAltTextIsAWarningAtItsLineWithTheFix() {
        List<Problem> problems = check("Text.", "", "image::policy-1.png[]", "", "Logo image:logo.png[width=40] here.");
        assertEquals(List.of(3, 5), problems.stream().map(Problem::line).toList());
        assertEquals("image-without-alt", problems.get(0).code());
        assertEquals(Problem.Severity.WARNING, problems.get(0).severity());
        assertTrue(problems.get(0).message().contains("image::policy-1.png[The school's logo]"), problems.get(0).message());
    }

    @Test
    void aDescriptionOrADecorativeImageSaysEnough() {
        assertEquals(List.of(), check("image::logo.png[The school's logo: an oak tree]", "image::border.png[\"\"]",
                "image::chart.png[alt=\"Incidents by month\",width=400]", "image::x.png[\"A chart\",400]",
                "// image::commented-out.png[]"));
    }

    private static List<Problem> check(String... lines) {
        List<SourceLine> body = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            body.add(new SourceLine(lines[i], FILE, i + 1));
        }
        Problems problems = new Problems();
        ImageAltText.checkLines(body, problems);
        return problems.all();
    }
}
