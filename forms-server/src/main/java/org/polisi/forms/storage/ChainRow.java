package org.polisi.forms.storage;

import java.util.List;

/**
 * One row of a {@link RecordChain} as verify reads it: everything its link covers, as stored text.
 *
 * @param id            the row's id in its table
 * @param seq           its number in its school's chain (null: not linked)
 * @param values        the chain's columns, in order
 * @param erasableValue the erasable column (null when the chain has none)
 * @param erasureLogged whether a recorded erasure explains a cleared erasable column
 * @param madeAt        the row's time column
 */
public record ChainRow(long id, String school, Long seq, String prevHash, String hash, List<String> values,
                       String erasableValue, String salt, String contentHash, boolean erasureLogged, String madeAt) {
}
