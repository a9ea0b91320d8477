package org.polisi.forms.signatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.i18n.Messages;

/**
 * A signature's status in words, the same on the "who must sign again" page and in its CSV: "Signed the
 * current version" or "Must sign again", then, when the agreement asks a permission, each one refused or
 * withdrawn since ("Signed the current version; Refused: Internet access"), ADR 0106.
 */
public final class SignatureStatus {

    private SignatureStatus() {
    }

    /**
     * @param form     the agreement (for its statements' short labels)
     * @param signer   the signature
     * @param messages the server's bundles
     * @param language {@code en} or {@code cy}
     * @return the status; parts are joined with "; "
     */
    public static String words(FormDefinition form, Signer signer, Messages messages, String language) {
        List<String> parts = new ArrayList<>(List.of(messages.get(language, !signer.current()
                ? "staff.signatures.must-sign-again" : signer.sourceChanged() ? "staff.signatures.source-changed"
                : "staff.signatures.current")));
        if (!signer.refused().isEmpty()) {
            parts.add(messages.format(language, "staff.signatures.refused",
                    Map.of("statements", labels(form, signer.refused(), language))));
        }
        if (!signer.withdrawn().isEmpty()) {
            parts.add(messages.format(language, "staff.signatures.withdrawn",
                    Map.of("statements", labels(form, signer.withdrawn(), language))));
        }
        return String.join("; ", parts);
    }

    private static String labels(FormDefinition form, List<String> keys, String language) {
        Map<String, ConsentStatement> statements = form.statements();
        return String.join(", ", keys.stream().map(key -> statements.containsKey(key)
                ? statements.get(key).shortLabel(language) : key).toList());
    }
}
