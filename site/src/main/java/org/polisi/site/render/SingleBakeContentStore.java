package org.polisi.site.render;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

import java.util.HashMap;
import java.util.Map;

/**
 * JBake's content store for a bake that always starts empty and whose content cannot change
 * while pages render. Two pieces of JBake 2.7's bookkeeping grow with the square of the page
 * count, and both are unnecessary here:
 * <ul>
 *   <li>its documents renderer asks for every document of a type once per document (to find
 *       "previous" and "next" links), each time reading all of them back from OrientDB: we read
 *       them once per type and keep the list for the bake;</li>
 *   <li>it marks each page "rendered" with an update whose filter matches every page not yet
 *       written, for incremental re-bakes we never do (each build stages a fresh tree and store).</li>
 * </ul>
 */
final class SingleBakeContentStore extends ContentStore {
    private final Map<String, DocumentList<DocumentModel>> allContentByType = new HashMap<>();

    SingleBakeContentStore(String type, String name) {
        super(type, name);
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return allContentByType.computeIfAbsent(docType, super::getAllContent);
    }

    @Override
    public void markContentAsRendered(DocumentModel document) {
        // Nothing to remember: this store is thrown away when the bake ends.
    }
}
