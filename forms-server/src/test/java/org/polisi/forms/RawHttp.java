package org.polisi.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 on a plain socket, byte for byte as written: what {@code java.net.http} refuses to send
 * (a raw {@code %u002e} or control character in the path, a lying Content-Length, a malformed
 * header) is exactly what an attacker sends. Loopback only.
 */
public final class RawHttp {

    /** A response as read off the socket: its status (0 when none came) and the whole text. */
    public record Response(int status, String text) {

        /** A header's value (the first of that name), or null. */
        public String header(String name) {
            for (String line : head().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        public String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} (ISO-8859-1 bytes) to the port and reads until the server closes or 20 s pass. */
    public static Response send(int port, String request) {
        return send(InetAddress.getLoopbackAddress(), port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** From a chosen loopback source address (127.0.0.2…: another client, as far as the server can tell). */
    public static Response send(InetAddress from, int port, byte[] request) {
        try (Socket socket = new Socket()) {
            if (!from.equals(InetAddress.getLoopbackAddress())) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException stopped) {
            // what arrived is the answer (a reset after a complete response is normal for a refusal)
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int status = 0;
        if (text.startsWith("HTTP/1.")) {
            String[] parts = text.split(" ", 3);
            status = parts.length > 1 ? Integer.parseInt(parts[1].strip().substring(0, 3)) : 0;
        }
        return new Response(status, text);
    }

    /** A GET with {@code Connection: close}; {@code path} goes on the request line untouched. */
    public static String get(String path, String... headerLines) {
        return request("GET", path, "", headerLines);
    }

    /** A request with the given body and a correct Content-Length, and {@code Connection: close}. */
    public static String request(String method, String path, String body, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        if (!body.isEmpty() || !method.toUpperCase(Locale.ROOT).matches("GET|HEAD")) {
            request.append("Content-Length: ").append(body.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n");
        }
        return request.append("\r\n").append(body).toString();
    }
}
