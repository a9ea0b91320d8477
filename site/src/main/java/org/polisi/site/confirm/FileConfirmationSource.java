package org.polisi.site.confirm;

import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.SchoolForms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A producer whose items in a file depend only on that file's lines, not on the site that reads
 * it: so a template's files, which every adopting school reads, are scanned once per build by
 * {@link ToConfirmList#bySite} rather than once per school (100 schools: 5 % of a cold build's
 * CPU went to scanning the same template files again; docs/adr/0068-cold-build-start-up.md).
 */
interface FileConfirmationSource extends ConfirmationSource {
    /**
     * The items in one file, in line order; never null.
     *
     * @param file  the file (items name it)
     * @param lines its lines, as {@link java.nio.file.Files#readAllLines} gives them (empty when unreadable)
     */
    List<ToConfirm> findIn(Path file, List<String> lines);

    @Override
    default List<ToConfirm> find(ResolvedSite site, Optional<SchoolForms> forms) {
        List<ToConfirm> items = new ArrayList<>();
        for (Path file : ToConfirmList.filesOf(site)) {
            items.addAll(findIn(file, ToConfirmList.lines(file)));
        }
        return items;
    }
}
