package org.polisi.forms.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.ChainHasher;

/**
 * A signed statement of every chain's head at one moment: one line of the checkpoint log.
 *
 * <p>The line is canonical JSON (keys sorted, no spaces). The signature is Ed25519 (RFC 8032) over
 * the same JSON without its {@code signature} key; {@link #hash()} (SHA-256 of the whole line) is
 * what the next checkpoint names as {@code previous}, so the log is itself a chain.
 *
 * @param number    1, 2, 3… in the log
 * @param time      when the heads were read (ISO-8601, UTC)
 * @param previous  the previous checkpoint's {@link #hash()}, or 64 zeros for the first
 * @param reason    {@code start}, {@code interval}, {@code shutdown} or {@code command}
 * @param key       the signing key's fingerprint ({@link CheckpointKey#fingerprint})
 * @param heads     every chain's head, by chain then school
 * @param signature the Ed25519 signature, base64 (empty while unsigned)
 */
public record Checkpoint(long number, String time, String previous, String reason, String key, List<Head> heads,
                         String signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One chain's head: the newest record's number and hash. */
    public record Head(String chain, String school, long seq, String hash) {
    }

    public Checkpoint {
        heads = List.copyOf(heads);
    }

    /** The text the signature covers. */
    public String signedText() {
        return CanonicalJson.write(fields(false));
    }

    /** The line as the log holds it. */
    public String line() {
        return CanonicalJson.write(fields(true));
    }

    /** SHA-256 of the line, hex: the next checkpoint's {@code previous}. */
    public String hash() {
        return ChainHasher.sha256(line());
    }

    public Checkpoint signed(String newSignature) {
        return new Checkpoint(number, time, previous, reason, key, heads, newSignature);
    }

    /** Reads one line of the log; throws IllegalArgumentException naming what is wrong. */
    public static Checkpoint parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            List<Head> heads = new ArrayList<>();
            for (JsonNode head : node.required("heads")) {
                heads.add(new Head(head.required("chain").asText(), head.required("school").asText(),
                        head.required("seq").asLong(), head.required("hash").asText()));
            }
            return new Checkpoint(node.required("checkpoint").asLong(), node.required("time").asText(),
                    node.required("previous").asText(), node.required("reason").asText(), node.required("key").asText(),
                    heads, node.required("signature").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a checkpoint line: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> fields(boolean withSignature) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("checkpoint", number);
        fields.put("time", time);
        fields.put("previous", previous);
        fields.put("reason", reason);
        fields.put("key", key);
        List<Map<String, Object>> headFields = new ArrayList<>();
        for (Head head : heads) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("chain", head.chain());
            one.put("school", head.school());
            one.put("seq", head.seq());
            one.put("hash", head.hash());
            headFields.add(one);
        }
        fields.put("heads", headFields);
        if (withSignature) {
            fields.put("signature", signature);
        }
        return fields;
    }
}
