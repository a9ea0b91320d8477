package org.polisi.forms.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * A stack trace for logback ({@code %safeEx}) whose exception messages are escaped by
 * {@link LogText#escape}: a message can quote the request ("Illegal character in path at index 5:
 * …"), and must not forge lines. Only server faults log a stack trace; refused requests log one line.
 */
public final class EscapedThrowableConverter extends ThrowableHandlingConverter {

    /** Frames kept per exception: enough to find the fault, not a page of framework. */
    private static final int MAX_FRAMES = 40;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String prefix = "";
        int depth = 0;
        while (proxy != null && depth++ < 10) {
            out.append(prefix).append(proxy.getClassName()).append(": ").append(LogText.escape(proxy.getMessage()))
                    .append(CoreConstants.LINE_SEPARATOR);
            StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                out.append('\t').append(frames[i].getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
            }
            if (frames.length > MAX_FRAMES) {
                out.append("\t... ").append(frames.length - MAX_FRAMES).append(" more")
                        .append(CoreConstants.LINE_SEPARATOR);
            }
            prefix = "Caused by: ";
            proxy = proxy.getCause();
        }
        return out.toString();
    }
}
