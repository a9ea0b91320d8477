/**
 * Stage 3, pair translations. Input: a resolved site. Output: one
 * {@link org.polisi.site.translation.TranslationState} per translated page (draft, reviewed,
 * stale: its English changed in substance since, {@link org.polisi.site.translation.EnglishChanges}, read
 * from the content's git history, or a text of a form it embeds changed in English after its
 * translation, {@link org.polisi.site.translation.FormTranslations}) and an error for every page
 * that lacks a counterpart. Why: the toggle must land on the
 * same page in the other language, and authors must see when English changes under a translation.
 */
package org.polisi.site.translation;
