/**
 * Stage 7, publish. Input: a checked build in a staging folder. Output: the live
 * {@code site/target/public} and {@code site/target/manifests}. Why a stage: publishing only
 * after every check passed is what keeps the last good site online when content breaks.
 */
package org.polisi.site.publish;
