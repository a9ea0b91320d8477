package org.polisi.site.render;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of the build cache's records (pages, the HTML checks' results, the last build): a
 * count or length as a 4-byte big-endian int, a string as its length and UTF-8 bytes. Reading
 * refuses a negative or impossibly large length, so a damaged record fails to read instead of
 * allocating what its garbage says.
 */
public final class RecordFields {
    /** No field of a real record comes near this; a larger length means a damaged record. */
    private static final int MAX_LENGTH = 64 * 1024 * 1024;

    private RecordFields() {
    }

    public static void string(DataOutputStream out, String value) throws IOException {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    public static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    /** @throws IOException when the length is impossible or the bytes end before it */
    public static byte[] bytes(DataInputStream in) throws IOException {
        int length = count(in);
        byte[] read = in.readNBytes(length);
        if (read.length != length) {
            throw new IOException("truncated");
        }
        return read;
    }

    public static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    public static List<String> strings(DataInputStream in) throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            values.add(string(in));
        }
        return values;
    }

    /** @throws IOException when the count is negative or impossibly large */
    public static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_LENGTH) {
            throw new IOException("not a length: " + count);
        }
        return count;
    }
}
