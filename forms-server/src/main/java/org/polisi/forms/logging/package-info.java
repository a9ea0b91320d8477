/**
 * Logging: what makes the server's log safe to write from request data and bounded in size.
 *
 * <p><b>Input:</b> logback events from every logger. <b>Output:</b> one line per event with control
 * characters escaped ({@link org.polisi.forms.logging.EscapedMessageConverter}), stack traces with
 * escaped messages ({@link org.polisi.forms.logging.EscapedThrowableConverter}), and repeated lines
 * rate-limited ({@link org.polisi.forms.logging.RepeatedLineFilter}); the lines each request logged,
 * counted on its thread ({@link org.polisi.forms.logging.RequestLines}, the one turbo filter in
 * logback's list, which asks the configured ones: docs/adr/0070), so that a refused request gets
 * exactly one.
 * <p><b>Why:</b> a request's path or header is logged when it is refused: it must not forge a line,
 * move a terminal's cursor, or let one client fill the disk (issue 23, fault 4).
 */
package org.polisi.forms.logging;
