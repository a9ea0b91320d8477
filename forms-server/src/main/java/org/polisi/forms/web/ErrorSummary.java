package org.polisi.forms.web;

import java.util.List;

/**
 * The view of the GOV.UK error summary that {@code layout.ftl}'s {@code errorSummary} macro draws,
 * the one summary of the site and the server: its title and, for each problem, the message and
 * the input it links to ({@code #id}, or empty when there is no input to go to).
 */
record ErrorSummary(String title, List<Problem> errors) {

    /** One problem: what is wrong, in the page's language, and where to fix it. */
    record Problem(String message, String href) {
    }
}
