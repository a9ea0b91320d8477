/**
 * Stage 6½, archive the agreed texts. Input: the forms the render stage embedded ({@code RenderedForm}),
 * the built pages, and the resolved sites they came from. Output: one immutable snapshot per form
 * version in the archive folder ({@code data/agreed-texts/<school>/<form-id>/<form-version>.json} by
 * default), holding exactly what the version hashes (the form's definition text and the page's source
 * text) and the page as rendered. Why a stage: a form version recorded with a submission must keep
 * naming readable text after the site is rebuilt, and the site output is replaced at every build.
 * The archive is only added to, never rewritten; losing its folder loses the evidence
 * (docs/adr/0036-archive-of-agreed-texts.md).
 */
package org.polisi.site.archive;
