package org.polisi.forms.manifest;

import java.util.Optional;
import org.polisi.contract.Manifest;
import org.polisi.forms.i18n.Messages;

/**
 * What a staff role is called at a school, in a language: the school's own title when its manifest
 * gives one ({@link Manifest#roleTitle}, from its {@code <role>-title} attribute: Brynford's "Digital
 * Leader" for the online safety co-ordinator), else the server's generic name ({@code role.<word>} in
 * the {@code server_} bundle). Tester 7: the server's pages and receipts named the generic role where
 * the school's own pages name its title (docs/adr/0101). The text is the school's as written: each
 * page escapes it as it escapes any text.
 */
public final class RoleNames {

    private RoleNames() {
    }

    /**
     * @param school   the school's manifest, or empty (a school no longer served: generic names)
     * @param role     the role's account word ({@code online-safety-coordinator})
     * @param language a language the server speaks; a title the school gives in no other language is never used for it
     * @return the role's name, never null
     */
    public static String of(Messages messages, Optional<Manifest> school, String role, String language) {
        return school.flatMap(manifest -> manifest.roleTitle(role, language))
                .orElseGet(() -> messages.get(language, "role." + role));
    }
}
