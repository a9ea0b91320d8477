package org.polisi.site.pdf;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks a PDF with veraPDF (the PDF Association's validator) against PDF/UA-1 (ISO 14289-1, the
 * Matterhorn Protocol's machine-checkable conditions).
 */
public final class PdfUa {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /**
     * @return the failed checks, one line each ("rule clause-test: description (where)"); empty when the PDF conforms
     * @throws Exception when veraPDF cannot read the file
     */
    public static List<String> failures(Path pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFUA_1)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct().toList();
            if (failed.isEmpty() && !result.isCompliant()) {
                return List.of("veraPDF: not compliant, without a failed check (" + result.getJobEndStatus() + ")");
            }
            return failed;
        }
    }
}
