/**
 * Benchmarks of form intake (issue #8; bench/form-intake.sh drives them). Not part of the server:
 * a module of its own ({@code bench/forms-bench}), outside the server's jar. {@link org.polisi.forms.bench.LoadGenerator}
 * posts valid (and optionally invalid) url-encoded submissions of one manifest form to a running
 * server on the loopback address only, bounded in requests and seconds;
 * {@link org.polisi.forms.bench.StorageCeiling} measures raw Jdbi insert transactions into SQLite
 * with the server's own settings; {@link org.polisi.forms.bench.IntakeCeiling} hands submissions
 * straight to the server's intake service and ledger writer, without HTTP, on SQLite or PostgreSQL
 * (bench/postgres-intake.sh's {@code writer} part); {@link org.polisi.forms.bench.AcknowledgedCheck} counts
 * acknowledged references missing from the database.
 */
package org.polisi.forms.bench;
