package org.polisi.site.confirm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.FixtureTree;
import org.polisi.site.Fixtures;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings that pages would publish as if the school had given them are listed "to confirm" at
 * their line (issue: a Welsh name that is the English one, an approving body in English on Welsh
 * pages, an approval without a date, and privacy notices saying "contact the school office" with
 * no address were all silent). A school that confirmed a same-in-both-languages name says so once.
 */
class SettingsToConfirmTest {

    @Test
    void eachUnconfirmedSettingIsListedAtItsLine(@TempDir Path folder) throws IOException {
        String form = Files.readString(Fixtures.formsFixture("cluster/forms/digital-images-consent.yml"));
        String pages = "= Policy\n:page-kind: policy\n\nText.\n";
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/stand-alone/school.yml", """
                        name: {en: "Stand Alone Primary", cy: "Stand Alone Primary"}
                        languages: [en, cy]
                        policy:
                          approved-by: "Governing Body"
                          approved-on: ""
                        contact-email: ""
                        """)
                .write("schools/stand-alone/en/policy.adoc", pages)
                .write("schools/stand-alone/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\nTestun.\n")
                .write("schools/stand-alone/forms/digital-images-consent.yml", form)
                .write("schools/settled/school.yml", """
                        # polisi: confirmed by the head, 1 Dec 2026: the school's name is the same in Welsh
                        name: Ysgol Bro Dinefwr
                        languages: [en, cy]
                        policy:
                          approved-by: {en: the Governing Body, cy: y Corff Llywodraethu}
                          approved-on: 2025-01-20
                        contact-email: swyddfa@dinefwr.test
                        """)
                .write("schools/settled/en/policy.adoc", pages)
                .write("schools/settled/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\nTestun.\n")
                .write("schools/settled/forms/digital-images-consent.yml", form)
                .write("schools/undated/school.yml", """
                        name: Undated School
                        languages: [en]
                        policy:
                          approved-by: ""
                          approved-on: 2025-01-20
                        """)
                .write("schools/undated/en/policy.adoc", pages);
        Problems problems = new Problems();
        SiteCatalog catalog = CatalogStage.load(tree.options(true), problems);

        Map<String, List<ToConfirm>> items = ToConfirmList.bySite(catalog, new Problems());

        assertEquals(List.of(
                "1 the school's name in 'cy' is the English 'Stand Alone Primary'",
                "4 approved by Governing Body, with no date",
                "4 who approved the policies in 'cy' is the English 'Governing Body'",
                "6 no contact e-mail address (contact-email is blank)"), settings(items.get("stand-alone")));
        assertEquals(List.of(), settings(items.get("settled")));
        assertEquals(List.of("5 approved on 2025-01-20, by nobody named"), settings(items.get("undated")));
        ToConfirm contact = items.get("stand-alone").stream().filter(item -> item.what().startsWith("no contact")).findFirst().orElseThrow();
        assertTrue(contact.why().contains("contact the school office and give no way to do it"), contact.why());
    }

    private static List<String> settings(List<ToConfirm> items) {
        return items.stream().filter(item -> item.source().equals(SettingsToConfirm.SOURCE))
                .map(item -> item.line() + " " + item.what()).sorted().toList();
    }
}
