package org.polisi.site.render;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;


/**
 * JBake's content store for bakes whose content cannot change while pages render. Two pieces of
 * JBake 2.7's bookkeeping grow with the square of the page count, and both are unnecessary here:
 * <ul>
 *   <li>its documents renderer asks for every document of a type once per document, each time
 *       reading all of them (bodies included) back from OrientDB, only to find "previous" and
 *       "next" links. In one bake of many schools those links would cross from one school to
 *       the next, and the theme never prints them: the store answers with a list holding one
 *       unpublished placeholder, in which JBake's navigation finds no neighbour ({@code content.previousContent} and {@code nextContent} stay empty, and so
 *       do JBake's typed lists such as {@code pages}, which a template must not rely on);</li>
 *   <li>it marks each page "rendered" with an update whose filter matches every page not yet
 *       written, for incremental re-bakes we never do (every bake starts from a cleared store).</li>
 * </ul>
 * A preview keeps one store open across its bakes ({@code keepOpen}): starting OrientDB is most
 * of the cost of re-rendering one page. JBake clears the store's documents at the start of a bake.
 */
final class SingleBakeContentStore extends ContentStore {
    private final boolean keepOpen;
    private boolean started;

    SingleBakeContentStore(String type, String name, boolean keepOpen) {
        super(type, name);
        this.keepOpen = keepOpen;
    }

    @Override
    public void startup() {
        if (!started) {
            super.startup();
            started = true;
        }
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        DocumentList<DocumentModel> noNeighbours = new DocumentList<>();
        noNeighbours.add(new DocumentModel());   // JBake calls getFirst(): the list must not be empty
        return noNeighbours;
    }

    @Override
    public void markContentAsRendered(DocumentModel document) {
        // Nothing to remember: the next bake starts from a cleared store.
    }

    @Override
    public void close() {
        if (!keepOpen) {
            closeForGood();
        }
    }

    @Override
    public void shutdown() {
        // Closing (above, or closeForGood) is what releases the database; JBake calls both.
    }

    /** Releases the database: at the end of a one-off bake, or when a preview stops. */
    void closeForGood() {
        if (started) {
            super.close();
            super.shutdown();
            started = false;
        }
    }
}
