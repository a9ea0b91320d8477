package org.polisi.site.check;

import org.polisi.site.compose.StagedPage;

import java.util.List;
import java.util.Set;

/** What the link and translation checks need to know of one generated page, read once. */
record PageFacts(StagedPage page, Set<String> ids, List<String> links, List<String> paragraphs) {
}
