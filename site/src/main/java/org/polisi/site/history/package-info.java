/**
 * Stage 7 (after the archive of agreed texts, before publishing): "Updates to this policy" for
 * readers, in GOV.UK's "see all updates" pattern. {@link org.polisi.site.history.ContentHistory}
 * reads the content's git history with JGit (first-parent, so a merge into the published branch is
 * one publication); {@link org.polisi.site.history.ChangeNote} reads the author's one-line summary
 * ({@code :change-note:} or {@code // polisi: change-note}, per language file, {@code minor} to leave
 * a change out); {@link org.polisi.site.history.PageHistory} lists each policy's and appendix's
 * changes on its page and writes, per listed change, the earlier version and a comparison with the
 * current one ({@link org.polisi.site.history.Comparison}: sections added, removed, changed, with
 * {@code <ins>}/{@code <del>} announced by visually hidden words). Without {@code .git} nothing is
 * shown. See docs/adr/0038-updates-to-this-policy.md.
 */
package org.polisi.site.history;
