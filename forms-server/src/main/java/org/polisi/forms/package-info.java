/**
 * The Polisi forms server: receives what people send through the forms embedded in the baked
 * policy sites, keeps it safely in SQLite, lets a school's staff act on it, and serves the sites.
 *
 * <p><b>Input:</b> a {@link org.polisi.forms.config.ServerConfig}.
 * <p><b>Output:</b> a startable {@link org.polisi.forms.FormsServer}.
 * <p><b>Why:</b> {@code create(config)} builds the real application, so tests start exactly what
 * runs in production on a free port, with a real database file.
 */
package org.polisi.forms;
