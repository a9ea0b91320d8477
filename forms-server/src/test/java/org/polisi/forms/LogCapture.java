package org.polisi.forms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the server logs while it is open, written with the same pattern (and so the same
 * escaping converters and rate limit) as the console appender of the test's logback configuration.
 * Opening it also restarts the rate limit's windows, so earlier tests do not use up its allowance.
 */
public final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (TurboFilter filter : context.getTurboFilterList()) {
            filter.stop();
            filter.start();
        }
        var console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName("capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        root.addAppender(appender);
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public int size() {
        return bytes.size();
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
