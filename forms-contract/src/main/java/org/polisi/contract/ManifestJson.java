package org.polisi.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The manifest as JSON, one configuration for both halves. Reading is strict: an unknown property, a
 * missing required one, a null, a duplicate key or an unknown word ({@code "type": "colour"}) is an
 * {@link InvalidManifestException} naming the file and the JSON path, never a silently different form.
 */
public final class ManifestJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ManifestJson() {
    }

    /**
     * @throws InvalidManifestException when the file is not a manifest of docs/forms.md, naming the file,
     *                                  the property's path and what is wrong
     * @throws IOException              when the file cannot be read
     */
    public static Manifest read(Path file) throws IOException {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), Manifest.class);
        } catch (JsonProcessingException invalid) {
            throw new InvalidManifestException(file, describe(invalid), invalid);
        }
    }

    /** The manifest as indented JSON text, properties in the order of docs/forms.md. */
    public static String write(Manifest manifest) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * One form as compact JSON without the properties its version does not cover
     * ({@link FormDefinition#UNVERSIONED}): the text a form's version hashes.
     */
    public static String versionedText(FormDefinition form) {
        ObjectNode json = MAPPER.valueToTree(form);
        json.remove(FormDefinition.UNVERSIONED);
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** "forms[2].fields[0].type: unknown field type 'colour' (known: …)" rather than Jackson's class names. */
    private static String describe(JsonProcessingException invalid) {
        String where = invalid instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ManifestJson::step).collect(Collectors.joining()).replaceFirst("^\\.", "")
                : "";
        String problem = invalid.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                : invalid.getOriginalMessage();
        int line = invalid.getLocation() == null ? 0 : invalid.getLocation().getLineNr();
        return (line > 0 ? "line " + line + ": " : "") + (where.isEmpty() ? "" : where + ": ") + problem;
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }
}
