package org.polisi.forms.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

/**
 * The request's line counter stands in for logback's configured turbo filters (one entry in
 * logback's list, so a level check copies nothing: issue 23's intake profile) and still does both
 * jobs: every line of the request is counted, the ones the rate limit leaves out included, and the
 * rate limit it now asks still leaves lines out. Run on a logback context of its own, with a real
 * appender.
 */
class RequestLinesTest {

    private static LoggerContext contextWithRateLimit(int allowed) {
        LoggerContext context = new LoggerContext();
        RepeatedLineFilter limit = new RepeatedLineFilter();
        limit.setAllowedPerWindow(allowed);
        limit.setWindowSeconds(60);
        limit.setContext(context);
        limit.start();
        context.addTurboFilter(limit);
        return context;
    }

    private static ListAppender<ILoggingEvent> appender(LoggerContext context) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        return appender;
    }

    @Test
    void theCounterTakesTheConfiguredFiltersPlaceAndAsksThem() {
        LoggerContext context = contextWithRateLimit(3);
        ListAppender<ILoggingEvent> appender = appender(context);
        RequestLines.install(context);
        RequestLines.install(context);   // once only
        assertEquals(1, context.getTurboFilterList().size(), "one filter in logback's list");
        assertInstanceOf(RequestLines.class, context.getTurboFilterList().get(0));

        Logger logger = context.getLogger("org.polisi.forms.web.Something");
        RequestLines.begin();
        for (int i = 0; i < 10; i++) {
            logger.warn("Refused a POST to {}", "/forms/x/y");
        }
        logger.debug("Not written: below the level");
        assertFalse(logger.isDebugEnabled());
        assertEquals(10, RequestLines.end(), "every line written or left out by the rate limit counts; debug does not");
        assertEquals(3, appender.list.size(), "the rate limit still leaves repeated lines out");
    }

    @Test
    void restartingTheCounterRestartsTheRateLimitsWindows() {
        LoggerContext context = contextWithRateLimit(2);
        ListAppender<ILoggingEvent> appender = appender(context);
        RequestLines.install(context);
        Logger logger = context.getLogger("org.polisi.forms.web.Something");
        for (int i = 0; i < 5; i++) {
            logger.info("Same line {}", i);
        }
        assertEquals(2, appender.list.size());
        // what a test's LogCapture does to every filter in logback's list
        context.getTurboFilterList().forEach(filter -> {
            filter.stop();
            filter.start();
        });
        assertTrue(context.getTurboFilterList().get(0).isStarted());
        for (int i = 0; i < 5; i++) {
            logger.info("Same line {}", i);
        }
        assertEquals(4, appender.list.size(), "a fresh window allows two more");
        assertEquals(-1, RequestLines.end(), "not counting outside a request");
    }
}
