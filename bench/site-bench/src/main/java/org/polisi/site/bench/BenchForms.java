package org.polisi.site.bench;

/** The three form definitions of the synthetic template: a consent, an agreement and a withdrawal (docs/forms.md). */
final class BenchForms {
    private BenchForms() {
    }

    private static final String COMMON = """
            reader-role: headteacher
            retention:
              rule: after-submission
              years: 8
            purpose: {en: To record your answers so that the school respects them., cy: Er mwyn cofnodi eich atebion fel bod yr ysgol yn eu parchu.}
            lawful-basis: {en: Consent (UK GDPR Article 6(1)(a))., cy: Caniatâd (Erthygl 6(1)(a) GDPR y DU).}
            confirmation: {en: The headteacher will see your form., cy: Bydd y pennaeth yn gweld eich ffurflen.}
            declaration: {en: I am a parent or carer of the child named above., cy: Rwy'n rhiant neu'n ofalwr i'r plentyn a enwir uchod.}
            """;

    private static final String PEOPLE = """
              - name: parent-name
                type: name
                label: {en: Your full name, cy: Eich enw llawn}
                required: true
              - name: pupil-names
                type: pupil-names
                label: {en: Your child's full name, cy: Enw llawn eich plentyn}
                required: true
                max-items: 6
            """;

    private static final String DATE = """
              - name: date
                type: date
                label: {en: Date, cy: Dyddiad}
                required: true
            """;

    static String consent() {
        return "id: digital-images-consent\nkind: consent\n"
                + "title: {en: Use of digital and video images, cy: Defnyddio delweddau digidol a fideo}\n" + COMMON
                + "fields:\n" + PEOPLE + """
                  - name: consent
                    type: consent
                    label: {en: Your consent, cy: Eich caniatâd}
                    required: true
                    statements:
                      - id: photos-on-website
                        text: {en: The school may use a photograph of my child on its website., cy: Caiff yr ysgol ddefnyddio llun o fy mhlentyn ar ei gwefan.}
                      - id: local-paper
                        text: {en: The school may use my child's photograph in a local paper., cy: Caiff yr ysgol ddefnyddio llun fy mhlentyn mewn papur lleol.}
                """ + DATE;
    }

    static String agreement() {
        return "id: acceptable-use-agreement\nkind: agreement\nsigned-by: pupils\n"
                + "title: {en: Acceptable use agreement, cy: Cytundeb defnydd derbyniol}\n" + COMMON
                + "fields:\n" + PEOPLE + """
                  - name: year-group
                    type: year-group
                    label: {en: Year group, cy: Grŵp blwyddyn}
                    required: true
                  - name: permission
                    type: consent
                    label: {en: Permission, cy: Caniatâd}
                    required: true
                    statements:
                      - id: internet-access
                        text: {en: My child may use the internet at school., cy: Caiff fy mhlentyn ddefnyddio'r rhyngrwyd yn yr ysgol.}
                """ + DATE;
    }

    static String withdrawal() {
        return "id: consent-withdrawal\nkind: withdrawal\n"
                + "title: {en: Withdraw consent, cy: Tynnu caniatâd yn ôl}\n" + COMMON
                + "fields:\n" + """
                  - name: reference
                    type: text
                    label: {en: "Reference number of the consent form, if you have it", cy: "Cyfeirnod y ffurflen ganiatâd, os yw gennych chi"}
                    max-length: 40
                """ + PEOPLE + """
                  - name: consent-form
                    type: consent-form
                    label: {en: "Which consent form are you withdrawing from?", cy: "O ba ffurflen ganiatâd rydych chi'n tynnu'n ôl?"}
                    required: true
                """;
    }
}
