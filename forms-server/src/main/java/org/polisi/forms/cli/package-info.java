/**
 * The command line: what {@code ./polisi} calls to run the forms server and look after its data.
 *
 * <p><b>Input:</b> arguments ({@code serve}, {@code user add}, {@code verify}, {@code checkpoint}, {@code purge},
 * {@code backup}, {@code export}, {@code erase}, {@code migrate}), the configuration, a password on standard input.
 * Every option whose text is stored or looked up goes through {@link org.polisi.forms.cli.OneLineText}
 * (no control characters, NFC; ADR 0098).
 * <p><b>Output:</b> a running server; staff accounts; reports on standard output; exit status 0
 * when all is well, 1 when a check found a problem, 2 when the request could not be carried out.
 * <p><b>Why:</b> the operator of a school's server is not a developer: each task is one command
 * that says what it did, built with picocli so that every command documents itself ({@code --help}).
 */
package org.polisi.forms.cli;
