package org.polisi.site.forms.definition;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.polisi.contract.FormKind;
import org.polisi.contract.SignerGroup;
import org.polisi.contract.RetentionRule;
import org.polisi.contract.AlertRoles;

/**
 * One form as its YAML file defines it, checked; {@code source} is kept for messages that name the
 * file, and {@code urgentSteps} (incident forms only) is the policy's own "what to do now", one step
 * a line; {@code retentionLine} (1-based, the {@code retention:} key's) for those about its rule.
 */
public record FormDefinition(
        String id,
        FormKind kind,
        LocalizedText title,
        Optional<LocalizedText> introduction,
        Optional<LocalizedText> declaration,
        LocalizedText confirmation,
        String readerRole,
        AlertRoles alerts,
        RetentionRule retention,
        LocalizedText purpose,
        LocalizedText lawfulBasis,
        List<FormField> fields,
        Optional<SignerGroup> signedBy,
        Optional<LocalizedText> urgentSteps,
        Path source,
        int retentionLine) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }
}
