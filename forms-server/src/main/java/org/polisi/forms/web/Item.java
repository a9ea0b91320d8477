package org.polisi.forms.web;

/**
 * A list item as {@code frames.ftl}'s {@code item} macro draws it: a link, then plain text (such as
 * " · form · date").
 *
 * @param linkClass the link's class, or empty
 */
record Item(PageLayout.Link link, String linkClass, String after) {
}
