/**
 * Stage 7b, PDFs: an accessible PDF of every policy and appendix, in every language a school
 * publishes, linked from its page.
 *
 * <p><b>Input:</b> the resolved sites (which pages are policies and appendices) and their built
 * HTML pages. <b>Output:</b> {@code <key>.pdf} beside each {@code <key>.html}, tagged PDF/UA-1
 * (ISO 14289-1) with the page's language, title, section bookmarks, tables with header cells, real
 * text and embedded fonts; a plain link on the page; a {@code pdf} warning for a page whose PDF
 * could not be made.
 * <p><b>Why from the built HTML:</b> the PDF then says exactly what the page says. The PDFs are
 * made with openhtmltopdf on a thread of their own while the build checks and proofs (the machinery
 * warmed up, only when a PDF will probably be made, in the core the build leaves idle while JRuby
 * starts, after proofing, with throw-away pages for as long as that core stays idle; the fonts parsed once
 * per concurrent PDF, there too), and kept in the work folder by a hash of their source, so that an unchanged
 * page is not made again and a build that makes none loads no PDF machinery. The
 * tests check every PDF with veraPDF against PDF/UA-1. See docs/adr/0047-accessible-pdfs.md and
 * docs/adr/0056-cheaper-pdfs-and-proofing.md and
 * docs/adr/0063-proofing-by-plain-scans-and-no-pdf-work-when-pdfs-are-kept.md and
 * docs/adr/0069-background-work-in-the-build-s-idle-core.md and
 * docs/adr/0077-pdf-warm-up-for-as-long-as-a-core-is-idle.md and
 * docs/adr/0085-where-the-pdfs-cost-goes-in-a-fresh-jvm.md.
 */
package org.polisi.site.pdf;
