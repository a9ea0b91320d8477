package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.extension.ExtensionGroup;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.forms.markup.FormMacro;
import org.polisi.site.forms.markup.FormPage;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.forms.markup.StatementMacro;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one bake needs from the shared Asciidoctor instance and nothing another bake may see:
 * the {@code form::} and {@code statement:} macros bound to the build's {@link FormsSession}, and the log handler that
 * collects Asciidoctor's warnings, each located at the page the converting thread is on.
 *
 * <p>Both are registered as instances while the session is {@linkplain #open open} and removed when
 * it is {@linkplain #close closed}; {@link AsciidocConverter} opens one session at a time on the
 * shared instance, so two builds in one JVM (a preview's rebuilds, tests run in parallel) never
 * route a page to the other's macro or log. The page each thread converts is kept in this object's
 * own {@link ThreadLocal}, which dies with the session.
 */
final class RenderSession implements LogHandler, AutoCloseable {
    /** One warning or error Asciidoctor logged, and the page being converted when it did (null if none). */
    record Entry(String pageUrl, int line, String severity, String message) {
    }

    private final FormsSession forms;
    private final ThreadLocal<StagedPage> converting = new ThreadLocal<>();
    private final List<Entry> entries = new ArrayList<>();
    private Asciidoctor asciidoctor;
    private ExtensionGroup extensions;

    RenderSession(FormsSession forms) {
        this.forms = forms;
    }

    /** Makes what this session's macros will need ahead of the pages, for as long as {@code worthIt} holds ({@link FormsSession#prepareWhile}). */
    void prepareWhile(java.util.function.BooleanSupplier worthIt) {
        forms.prepareWhile(worthIt);
    }

    /** Registers this session's macro and log handler on {@code shared}; call once, then {@link #close}. */
    void open(Asciidoctor shared) {
        asciidoctor = shared;
        extensions = shared.createGroup().blockMacro(new FormMacro(forms, this::formPage))
                .inlineMacro(new StatementMacro(forms, this::formPage));
        extensions.register();
        shared.registerLogHandler(this);
    }

    /** Removes what {@link #open} registered: the shared instance is as it was before. */
    @Override
    public void close() {
        if (asciidoctor != null) {
            asciidoctor.unregisterLogHandler(this);
            extensions.unregister();
            asciidoctor = null;
        }
    }

    /** The calling thread converts {@code page} until {@link #done()}. */
    void converting(StagedPage page) {
        converting.set(page);
    }

    void done() {
        converting.remove();
    }

    @Override
    public void log(LogRecord record) {
        if (record.getSeverity().ordinal() < Severity.WARN.ordinal()) {
            return;
        }
        int line = record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
        StagedPage page = converting.get();
        synchronized (entries) {
            entries.add(new Entry(page == null ? null : page.url(), line, record.getSeverity().name(), record.getMessage()));
        }
    }

    /** What Asciidoctor logged in this session, in order. */
    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    private Optional<FormPage> formPage() {
        StagedPage page = converting.get();
        return page == null ? Optional.empty()
                : Optional.of(new FormPage(page.site(), page.language(), page.pageHash(), page.url()));
    }
}
