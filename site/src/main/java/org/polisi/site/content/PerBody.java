package org.polisi.site.content;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value derived from a page's body, computed once per build for each body: a template page that
 * every school of a cluster inherits unchanged is one list shared by all their resolved pages
 * ({@code fork.ForkResolver}), so 100 schools read it once, not 100 times (docs/adr/0090). Bodies
 * are immutable lists ({@code SourcePage}, {@code ResolvedPage}), so the list's identity stands for
 * its text; a body equal in text but made separately (an adapted page) is simply computed again.
 * Safe for several threads; lives for one build (or one stage), so a build server holds nothing.
 *
 * @param <T> what is derived; {@code derive} must be a function of the body alone
 */
public final class PerBody<T> {
    private final Map<Identity, T> values = new ConcurrentHashMap<>();
    private final Function<List<SourceLine>, T> derive;

    public PerBody(Function<List<SourceLine>, T> derive) {
        this.derive = derive;
    }

    /** {@code derive(body)}, computed on the first call for this list. */
    public T of(List<SourceLine> body) {
        return values.computeIfAbsent(new Identity(body), key -> derive.apply(body));
    }

    /** A list compared by identity, not by its elements (which would read every line again). */
    private record Identity(List<SourceLine> body) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.body == body;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(body);
        }
    }
}
