package org.polisi.site.forms.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polisi.contract.FormKind;
import org.polisi.contract.AlertRoles;
import org.polisi.contract.StaffRole;

/** Reads {@code notify: {incident: [roles], urgent: [roles]}}; only incident forms notify anyone. */
final class NotifyReader {

    private NotifyReader() {
    }

    static AlertRoles read(YamlMap yaml, FormKind kind) {
        if (!yaml.has("notify")) {
            if (kind == FormKind.INCIDENT) {
                yaml.problems().at(yaml.line(), "an incident form needs 'notify:' with the roles told of every"
                        + " report ('incident') and of an urgent one ('urgent'), as the school's policy says");
            }
            return AlertRoles.NONE;
        }
        if (kind != FormKind.INCIDENT) {
            yaml.problems().at(yaml.lineOf("notify"), "'notify' applies to incident forms only");
            return AlertRoles.NONE;
        }
        Optional<YamlMap> notify = yaml.mapping("notify");
        if (notify.isEmpty()) {
            return AlertRoles.NONE;
        }
        notify.get().allowOnly(Set.of("incident", "urgent"), "notify");
        List<String> urgent = roles(notify.get(), "urgent");
        if (urgent.isEmpty()) {
            notify.get().problems().at(notify.get().line(), "notify has no 'urgent' roles: name who must be told"
                    + " at once of a child at risk or suspected illegal content");
        }
        return new AlertRoles(roles(notify.get(), "incident"), urgent);
    }

    private static List<String> roles(YamlMap notify, String key) {
        List<String> roles = new ArrayList<>();
        for (String role : notify.strings(key)) {
            if (StaffRole.fromFormWord(role).isPresent()) {   // an alert to any other role would reach nobody
                roles.add(role);
            } else {
                notify.problems().at(notify.lineOf(key), "notify " + key + " role '" + role
                        + "' is not a staff account role (known: " + StaffRole.knownFormWords() + ")"
                        + StaffRole.fromWord(role).map(StaffRole::formWord)
                                .or(() -> org.polisi.site.content.Names.nearest(role, java.util.Arrays.stream(StaffRole.values())
                                        .map(StaffRole::formWord).toList()))
                                .map(near -> ": did you mean '" + near + "'?").orElse(""));
            }
        }
        return roles;
    }

}
