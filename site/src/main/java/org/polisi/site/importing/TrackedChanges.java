package org.polisi.site.importing;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the tracked changes a Word or OpenDocument file still holds: insertions and deletions
 * proposed (Review > Track Changes) but neither accepted nor rejected. Pandoc, by default, reads
 * such a document as if every change were accepted, so a wording nobody approved was published as
 * the policy, and the import said nothing needed attention (tester 7's finding 12). Which changes
 * stand is the school's decision, so the import is refused until they are settled in the document.
 *
 * <p>Where they are: in a .docx (ECMA-376 Part 1, 17.13.5), {@code w:ins} and {@code w:del} elements,
 * each with its {@code w:author}, in the main document, its footnotes, endnotes, headers and footers; in
 * an .odt (OpenDocument 1.3, 5.5), the {@code text:changed-region} elements of {@code text:tracked-changes}
 * in {@code content.xml}, each with its {@code dc:creator}. The XML is read as a stream, with no DTD and
 * no external entity.
 */
final class TrackedChanges {
    /** What a document holds: how many changes are unsettled, and who made them (in name order). */
    record Unsettled(int count, Set<String> authors) {
        /** "2 tracked changes, by Head" in the words of a refusal. */
        String describe() {
            return count + (count == 1 ? " tracked change" : " tracked changes") + (authors.isEmpty() ? "" : ", by " + String.join(", ", authors));
        }
    }

    private static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    private TrackedChanges() {
    }

    /**
     * @param document a .docx or .odt file (any other kind has none: empty)
     * @return its unsettled changes, or empty when it has none
     * @throws IOException when the file cannot be read as the zip these formats are
     */
    static Optional<Unsettled> in(Path document) throws IOException {
        String format = PageImporter.formatOf(document);
        if (!format.equals("docx") && !format.equals("odt")) {
            return Optional.empty();
        }
        int count = 0;
        Set<String> authors = new TreeSet<>();
        try (ZipFile zip = new ZipFile(document.toFile())) {
            for (ZipEntry entry : zip.stream().map(ZipEntry.class::cast).toList()) {
                String name = entry.getName();
                boolean word = format.equals("docx") && name.startsWith("word/") && name.endsWith(".xml")
                        && List.of("word/document", "word/footnotes", "word/endnotes", "word/header", "word/footer")
                        .stream().anyMatch(name::startsWith);
                boolean open = format.equals("odt") && name.equals("content.xml");
                if (word || open) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        count += count(in, word, authors);
                    }
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new Unsettled(count, authors));
    }

    private static int count(InputStream in, boolean word, Set<String> authors) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int count = 0;
        boolean inRegion = false;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    String namespace = xml.getNamespaceURI();
                    String local = xml.getLocalName();
                    if (word && WORD.equals(namespace) && (local.equals("ins") || local.equals("del"))) {
                        count++;
                        String author = xml.getAttributeValue(WORD, "author");
                        if (author != null && !author.isBlank()) {
                            authors.add(author.strip());
                        }
                    } else if (!word && ODF_TEXT.equals(namespace) && local.equals("changed-region")) {
                        count++;
                        inRegion = true;
                    } else if (!word && inRegion && DUBLIN_CORE.equals(namespace) && local.equals("creator")) {
                        String author = xml.getElementText();
                        if (!author.isBlank()) {
                            authors.add(author.strip());
                        }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT && !word && "changed-region".equals(xml.getLocalName())) {
                    inRegion = false;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("its XML cannot be read: " + e.getMessage(), e);
        }
        return count;
    }
}
