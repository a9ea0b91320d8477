/**
 * Stage 6¾, updates to this policy. Input: the sites about to be published, their built pages, and
 * the content's git repository (read with JGit: {@link org.polisi.site.history.ContentHistory}, the
 * first-parent line of {@code HEAD}, so a merge into the published branch is one publication).
 * Output: on every policy and appendix page of a school, "Updates to this policy" in GOV.UK's "see
 * all updates" pattern, newest first, each with its date and the author's note in the page's
 * language ({@link org.polisi.site.history.ChangeNote}: {@code :change-note:} or
 * {@code // polisi: change-note}; {@code minor} and white-space-only changes left out); beside the
 * page, each listed version ({@code <key>.version-<commit>.html}) and its comparison with the
 * current text ({@code <key>.changes-<commit>.html}, {@link org.polisi.site.history.Comparison}:
 * sections added, removed, changed, with {@code <ins>}/{@code <del>} announced by visually hidden
 * words). Why a stage: the history is a fact of the repository, not of any one page's source, and
 * it must run after the archive of agreed texts so a snapshot never holds the list. Without
 * {@code .git} it adds nothing (docs/adr/0038-updates-to-this-policy.md). A page is compared as
 * composed ({@link org.polisi.site.history.ComposedText}: its text, the settings it uses, the
 * definitions of the forms it embeds), so a change that reaches it from {@code school.yml} or a
 * form's file is listed too, and warned before a commit (docs/adr/0099). The pages are written on
 * every core, one page per task, each commit's content loaded once, and the files are the same
 * byte for byte as on one thread (docs/adr/0092).
 */
package org.polisi.site.history;
