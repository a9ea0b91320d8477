package org.polisi.site.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * JBake, OrientDB and JRuby are talkative; an operator wants one line per school and a summary.
 * logback.xml sets their levels; this routes java.util.logging (OrientDB, Asciidoctor) there too.
 */
public final class Logging {
    private Logging() {
    }

    /** Call first in a {@code main}: routes java.util.logging through logback and quietens the libraries. */
    public static void quieten() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("log.console.level", "WARNING");
        System.setProperty("log.file.level", "OFF");
    }
}
