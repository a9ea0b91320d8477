package org.polisi.site.confirm;

import java.nio.file.Path;

/**
 * One thing the school must confirm before its site is released: what it is ({@code what}, e.g.
 * "placeholder address office@example.org"), why it needs confirming ({@code why}), and where an
 * author changes it. {@code source} names the producer ("marker", "placeholder", "retention"...),
 * so that {@code ./polisi report} can group items and scripts can filter them.
 */
public record ToConfirm(String source, Path file, int line, String what, String why) {
}
