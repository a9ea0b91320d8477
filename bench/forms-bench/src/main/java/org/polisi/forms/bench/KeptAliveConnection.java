package org.polisi.forms.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive between posts, for the load generator's workers. Why not
 * Java's HttpClient: on these 2 cores it spent about 0.45 ms of CPU per request, a third of what
 * the server itself spends, and the generator shares the cores with the server it measures
 * (docs/benchmarks.md). This writes each request in one go and reads only the status line and the
 * headers it needs, then skips the body. Loopback only, one request at a time, no redirects.
 */
final class KeptAliveConnection implements AutoCloseable {

    /** The status and the {@code Location} header (empty when there is none). */
    record Answer(int status, String location) {
    }

    private static final int TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress address;
    private final String hostHeader;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeptAliveConnection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
    }

    /** Posts a url-encoded body; opens the connection first if it is not open. */
    Answer post(String path, String origin, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nOrigin: " + origin
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after a failure: the next post opens a new connection
            }
            socket = null;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(address, 2_000);
        opened.setSoTimeout(TIMEOUT_MILLIS);
        socket = opened;
        out = opened.getOutputStream();
        in = new BufferedInputStream(opened.getInputStream(), 8192);
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String location = "";
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                case "location" -> location = value;
                default -> { }
            }
        }
        if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            skip(length);
        } else {
            closeAfter = true; // the body runs to the end of the connection
        }
        if (closeAfter) {
            close();
        }
        return new Answer(status, location);
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = line();
            int extension = size.indexOf(';');
            long chunk = Long.parseLong((extension >= 0 ? size.substring(0, extension) : size).strip(), 16);
            if (chunk == 0) {
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not needed
                }
                return;
            }
            skip(chunk);
            line();
        }
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One header line without its CRLF (ISO-8859-1, as HTTP/1.1 headers are). */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the connection closed inside an answer");
            }
            if (next == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(next);
            previous = next;
        }
    }
}
