package org.polisi.forms.web;

import java.util.List;

/**
 * A staff action as {@code frames.ftl}'s {@code post} macro draws it: a form that posts to
 * {@code action} with the session's anti-forgery token, hidden fields and one button.
 *
 * @param buttonClass the button's classes, e.g. {@code button} or {@code button button--secondary}
 */
record Post(String action, String csrfField, String csrfToken, List<Hidden> hidden, String button,
            String buttonClass) {

    /** A hidden field: its name and value. */
    record Hidden(String name, String value) {
    }
}
