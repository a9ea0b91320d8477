/**
 * Checkpoints: signed statements of every chain's head, kept outside the database.
 *
 * <p><b>Input:</b> the chain heads ({@code chain_head}, {@code record_chain_head}); an Ed25519 key
 * in files the database never holds; the checkpoint settings.
 * <p><b>Output:</b> lines appended to the checkpoint log (and optionally e-mailed); for
 * {@code verify --checkpoints}, every record acknowledged before the last checkpoint that was
 * altered, removed, reordered or inserted, in words an operator can act on.
 * <p><b>Why:</b> the chains live in the database they protect, so someone who can write the file
 * can recompute them; a signed checkpoint filed elsewhere fixes what each chain held at that moment
 * (ADR 25, and ADR 13's amendment for what this does and does not protect against).
 */
package org.polisi.forms.checkpoint;
