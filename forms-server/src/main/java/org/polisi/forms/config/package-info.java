/**
 * Configuration: where the database, the baked sites and the manifests are, and the limits the
 * server enforces.
 *
 * <p><b>Input:</b> embedded defaults ({@code polisi-forms-defaults.properties}), an optional
 * properties file ({@code --config}), {@code POLISI_*} environment variables, command-line options.
 *
 * <p><b>Output:</b> one immutable {@link org.polisi.forms.config.ServerConfig}, the
 * {@link org.polisi.forms.config.SecretKey} made in the data folder on first start, the
 * {@link org.polisi.forms.config.SealingKey} that seals second-factor secrets (ADR 0075), and the
 * private files of that configuration checked and made owner-only at start
 * ({@link org.polisi.forms.config.DataFiles}: never inside a published folder).
 *
 * <p><b>Why:</b> {@code ./polisi serve} must work with no configuration at all, while a school's
 * operator can change one setting (the port, the allowed origins) without copying the rest.
 */
package org.polisi.forms.config;
