package org.polisi.forms.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, each keeping the first bytes of the request line it is parsing.
 * When Jetty cannot parse a request it answers it as {@code BAD /badMessage}, with the real method
 * and path gone; {@link JettyErrorPage} logs them from here instead, escaped, so a refused request's
 * log line says what was asked. Only the start of each request is copied (at most
 * {@value #KEPT_BYTES} bytes, up to the line's end), never a header or a body.
 */
final class RequestLineConnectionFactory extends HttpConnectionFactory {

    static final int KEPT_BYTES = 256;

    RequestLineConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        KeepingConnection connection = new KeepingConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /**
     * The start of the request line the request's connection was parsing, as far as it arrived.
     *
     * @return the text (bytes read as ISO-8859-1, so nothing is refused), or empty when the request
     *     did not come through such a connection
     */
    static Optional<String> requestLine(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof KeepingConnection kept
                ? Optional.ofNullable(kept.requestLine) : Optional.empty();
    }

    private static final class KeepingConnection extends HttpConnection {
        private RequestHandler handler; // set by Jetty's constructor through newRequestHandler
        private volatile String requestLine;

        KeepingConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            handler = super.newRequestHandler();
            return handler;
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpParser parser = new HttpParser(handler, getHttpConfiguration().getRequestHeaderSize(), compliance) {
                @Override
                public boolean parseNext(ByteBuffer buffer) {
                    if (isStart() && buffer.hasRemaining()) {
                        keep(buffer);
                    }
                    return super.parseNext(buffer);
                }
            };
            parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
            return parser;
        }

        private void keep(ByteBuffer buffer) {
            ByteBuffer start = buffer.duplicate();
            int length = 0;
            byte[] bytes = new byte[Math.min(KEPT_BYTES, start.remaining())];
            while (length < bytes.length) {
                byte next = start.get();
                if (next == '\r' || next == '\n') {
                    if (length > 0) {
                        break;
                    }
                    continue; // blank lines before a request are allowed (RFC 9112 §2.2)
                }
                bytes[length++] = next;
            }
            requestLine = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
