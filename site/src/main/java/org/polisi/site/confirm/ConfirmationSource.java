package org.polisi.site.confirm;

import org.polisi.site.fork.ResolvedSite;

import java.util.List;
import java.util.Optional;
import org.polisi.site.forms.definition.SchoolForms;

/**
 * A producer of items for the report's "to confirm with the school" section. Implementations read
 * what a build resolved (the site, its files) and return what the school must confirm; they decide
 * nothing else. Add a producer to {@link ToConfirmList#SOURCES} (for example retention rules
 * chosen without a source).
 */
public interface ConfirmationSource {
    /**
     * The items for one site, in file and line order; never null.
     *
     * @param forms the site's form definitions as the catalog loaded them (stage 1); empty when they
     *              could not be read, which the build reports with file and line
     */
    List<ToConfirm> find(ResolvedSite site, Optional<SchoolForms> forms);
}
