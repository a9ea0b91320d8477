package org.polisi.forms.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} for logback, escaped by {@link LogText#escape}: whatever a request put in a logged
 * value stays on its own line and prints no terminal escape. Registered in {@code logback.xml} as
 * {@code %safeMsg}.
 */
public final class EscapedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escape(event.getFormattedMessage());
    }
}
