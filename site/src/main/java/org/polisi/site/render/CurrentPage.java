package org.polisi.site.render;

/** The page the current thread is converting, for locating Asciidoctor's log messages. */
final class CurrentPage {
    private static final ThreadLocal<String> URL = new ThreadLocal<>();

    private CurrentPage() {
    }

    static void set(String url) {
        URL.set(url);
    }

    static String get() {
        return URL.get();
    }
}
