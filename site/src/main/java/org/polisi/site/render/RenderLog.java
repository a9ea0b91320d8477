package org.polisi.site.render;

import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects Asciidoctor's warnings (an unknown attribute, an invalid reference) while a bake runs.
 * Asciidoctor instantiates log handlers through the service loader, so this cannot be handed to
 * it: it is process-wide, and it knows which page is being converted through
 * {@link CurrentPage}, set by {@link AsciidocConverter} on the converting thread.
 */
public final class RenderLog implements LogHandler {
    public record Entry(String pageUrl, int line, String severity, String message) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    @Override
    public void log(LogRecord record) {
        if (record.getSeverity().ordinal() < Severity.WARN.ordinal()) {
            return;
        }
        int line = record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
        synchronized (ENTRIES) {
            ENTRIES.add(new Entry(CurrentPage.get(), line, record.getSeverity().name(), record.getMessage()));
        }
    }

    public static List<Entry> drain() {
        synchronized (ENTRIES) {
            List<Entry> copy = new ArrayList<>(ENTRIES);
            ENTRIES.clear();
            return copy;
        }
    }
}
