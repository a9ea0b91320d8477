package org.polisi.site.check;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an SVG file is an inert picture: opened on its own (a link to it, or its address typed),
 * an SVG is a document of the site's origin, where a script, an event handler or an HTML island
 * ({@code foreignObject}) runs with the rights of the pages beside it, and where a reference to
 * another file fetches it. Deny by default (SVG 1.1/2, https://www.w3.org/TR/SVG2/):
 * <ul>
 *   <li>the file must be well-formed XML with no document type declaration (whose entities could
 *   hide markup) and no processing instruction ({@code xml-stylesheet} fetches and may transform);</li>
 *   <li>elements in the SVG namespace only from {@link #ELEMENTS} (shapes, text, structure,
 *   gradients, patterns, masks, filters); elements of the XHTML or MathML namespace, or of none, are
 *   refused; elements of other namespaces (an editor's own: Inkscape's, Sodipodi's, RDF metadata)
 *   are kept, since browsers neither show nor run them, but their SVG children are checked too;</li>
 *   <li>no event handler ({@code on...}) attribute; every {@code href}/{@code xlink:href} and every
 *   {@code url(...)} in an attribute or a {@code <style>} points inside the file ({@code #id}),
 *   except an {@code <image>} holding a PNG, JPEG, GIF or WebP {@code data:} address; no {@code @import}.</li>
 * </ul>
 */
public final class SafeSvg {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    /** The inert elements of SVG: structure, shapes, text, paint servers, clipping, masking and filter effects. */
    static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "desc", "title", "metadata", "symbol", "use", "switch",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textpath", "image", "marker",
            "lineargradient", "radialgradient", "stop", "pattern", "clippath", "mask", "style", "filter", "feblend",
            "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting",
            "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr",
            "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology", "feoffset", "fepointlight",
            "fespecularlighting", "fespotlight", "fetile", "feturbulence");
    /** Namespaces whose elements a browser would act on: refused outright. */
    private static final Set<String> ACTIVE_NAMESPACES = Set.of("http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML");
    private static final Pattern URL = Pattern.compile("(?i)url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)");
    private static final Pattern RASTER_DATA = Pattern.compile("(?i)^data:image/(png|jpeg|gif|webp)[;,].*", Pattern.DOTALL);

    private SafeSvg() {
    }

    /** Why {@code svg} (a file's bytes) is not an inert picture, in words for its author, or empty when it is. */
    public static Optional<String> refusal(byte[] svg) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(svg));
        } catch (SAXParseException unreadable) {
            String message = unreadable.getMessage() == null ? "" : unreadable.getMessage();
            return Optional.of(message.contains("DOCTYPE")
                    ? "has a document type declaration (<!DOCTYPE ...>), whose entities could hide markup"
                    : "is not a well-formed SVG file (line " + unreadable.getLineNumber() + ": " + message + ")");
        } catch (SAXException | IOException unreadable) {
            return Optional.of("is not a well-formed SVG file (" + unreadable.getMessage() + ")");
        }
        Element root = document.getDocumentElement();
        if (!SVG.equals(root.getNamespaceURI()) || !root.getLocalName().equals("svg")) {
            return Optional.of("is not an SVG picture (its outer element is <" + root.getNodeName() + ">)");
        }
        return check(document);
    }

    private static Optional<String> check(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                return Optional.of("has a processing instruction <?" + child.getNodeName() + " ...?>, which can fetch another file");
            }
            if (child.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                return Optional.of("uses an entity (&" + child.getNodeName() + ";)");
            }
            if (child instanceof Element element) {
                Optional<String> refused = element(element).or(() -> check(element));
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> element(Element element) {
        String namespace = element.getNamespaceURI();
        String name = element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (namespace == null || ACTIVE_NAMESPACES.contains(namespace)) {
            return Optional.of("has a <" + element.getNodeName() + "> element outside SVG (an HTML or unnamespaced element"
                    + " a browser could run)");
        }
        if (SVG.equals(namespace) && !ELEMENTS.contains(lower)) {
            return Optional.of(switch (lower) {
                case "script", "handler", "listener" -> "has a <" + name + "> element, which runs code";
                case "foreignobject" -> "has a <foreignObject> element, which can hold a web page with forms and scripts";
                case "a" -> "has a link (<a>), which can run code or open another site when the picture is opened";
                case "animate", "set", "animatemotion", "animatetransform", "animatecolor", "discard", "mpath" ->
                        "has an animation element <" + name + ">, which can change a link or run code";
                default -> "has a <" + name + "> element, which Polisi does not publish in a picture";
            });
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Optional<String> refused = attribute(element, (Attr) attributes.item(i));
            if (refused.isPresent()) {
                return refused;
            }
        }
        if (SVG.equals(namespace) && lower.equals("style")) {
            return style(element.getTextContent(), "<style>");
        }
        return Optional.empty();
    }

    private static Optional<String> attribute(Element element, Attr attribute) {
        String name = (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName()).toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (name.startsWith("on")) {
            return Optional.of("has an event handler (" + attribute.getName() + "=...) on <" + element.getNodeName()
                    + ">, which runs code");
        }
        boolean reference = name.equals("href") && (attribute.getNamespaceURI() == null || XLINK.equals(attribute.getNamespaceURI()));
        String plain = value.replaceAll("[\\s\\x00-\\x1f]", "");
        if (reference && !plain.startsWith("#") && !(element.getLocalName().equals("image") && RASTER_DATA.matcher(plain).matches())) {
            return Optional.of("refers to another file or address (" + attribute.getName() + "=\"" + shorten(value) + "\" on <"
                    + element.getNodeName() + ">), which the picture would fetch or open");
        }
        return style(value, attribute.getName() + "=\"...\" on <" + element.getNodeName() + ">");
    }

    private static Optional<String> style(String text, String where) {
        if (text.toLowerCase(Locale.ROOT).contains("@import")) {
            return Optional.of("imports a style sheet (@import in " + where + "), which fetches another file");
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                return Optional.of("refers to another file or address (url(" + shorten(url.group(1)) + ") in " + where
                        + "), which the picture would fetch");
            }
        }
        return Optional.empty();
    }

    private static String shorten(String value) {
        String strip = value.strip();
        return strip.length() > 60 ? strip.substring(0, 60) + "…" : strip;
    }

    /** A namespace-aware parser that reads no document type, no external entity and no XInclude. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {   // not the JDK's default, which prints to stderr
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
    }
}
