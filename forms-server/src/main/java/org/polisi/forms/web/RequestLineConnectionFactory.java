package org.polisi.forms.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's HTTP/1.1 connections, each with a deadline for its request heads and keeping the first
 * bytes of the request line it is parsing.
 *
 * <p><b>The head's deadline</b> (issue 23, fault 3): from the first byte of a request, its whole head
 * (request line and headers) must arrive within {@code http.header-timeout-seconds}, or the
 * connection is closed, with one log line per address a minute ({@link ConnectionRefusals}).
 * Jetty's idle timeout only bounds the silence between two bytes, so a client sending a header byte
 * every 2 s kept a connection open for as long as it liked; Jetty 12 has no deadline for the head
 * ({@code HttpConfiguration} has none, and its minimum data rate applies to bodies only), so it is
 * kept here, where the parser is: started when a head's first byte is parsed, cancelled once the
 * parser has the whole head, run on the connector's scheduler.
 *
 * <p><b>The request line</b>:
 * When Jetty cannot parse a request it answers it as {@code BAD /badMessage}, with the real method
 * and path gone; {@link JettyErrorPage} logs them from here instead, escaped, so a refused request's
 * log line says what was asked. Only the start of each request is copied (at most
 * {@value #KEPT_BYTES} bytes, up to the line's end), never a header or a body.
 */
final class RequestLineConnectionFactory extends HttpConnectionFactory {

    static final int KEPT_BYTES = 256;

    private final long headDeadlineMillis;
    private final ConnectionRefusals refusals;

    /**
     * @param configuration Jetty's HTTP configuration
     * @param headDeadline  how long a request head may take from its first byte to its last
     * @param refusals      where a connection closed for a late head is logged
     */
    RequestLineConnectionFactory(HttpConfiguration configuration, Duration headDeadline, ConnectionRefusals refusals) {
        super(configuration);
        if (headDeadline.isNegative() || headDeadline.isZero()) {
            throw new IllegalArgumentException("http.header-timeout-seconds must be at least 1, not "
                    + headDeadline.toSeconds());
        }
        this.headDeadlineMillis = headDeadline.toMillis();
        this.refusals = refusals;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        KeepingConnection connection = new KeepingConnection(getHttpConfiguration(), connector, endPoint,
                headDeadlineMillis, refusals);
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
        private final long headDeadlineMillis;
        private final ConnectionRefusals refusals;
        private RequestHandler handler; // set by Jetty's constructor through newRequestHandler
        private volatile String requestLine;
        private volatile Scheduler.Task headDeadline; // pending while a head is being parsed

        KeepingConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint,
                          long headDeadlineMillis, ConnectionRefusals refusals) {
            super(configuration, connector, endPoint);
            this.headDeadlineMillis = headDeadlineMillis;
            this.refusals = refusals;
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
                        startHeadDeadline();
                    }
                    boolean handled = super.parseNext(buffer);
                    if (!inHeaderState()) {
                        cancelHeadDeadline();
                    }
                    return handled;
                }
            };
            parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
            return parser;
        }

        @Override
        public void onClose(Throwable cause) {
            cancelHeadDeadline();
            super.onClose(cause);
        }

        private void startHeadDeadline() {
            if (headDeadline == null) {
                Scheduler.Task[] task = new Scheduler.Task[1];
                task[0] = getConnector().getScheduler().schedule(() -> headTooLate(task[0]),
                        headDeadlineMillis, TimeUnit.MILLISECONDS);
                headDeadline = task[0];
            }
        }

        private void cancelHeadDeadline() {
            Scheduler.Task task = headDeadline;
            if (task != null) {
                headDeadline = null;
                task.cancel();
            }
        }

        /** On the scheduler's thread: the head that started {@code task} is still not whole. */
        private void headTooLate(Scheduler.Task task) {
            if (task == null || headDeadline != task) {
                return; // the head arrived in the meantime
            }
            if (getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress peer) {
                refusals.closed(peer.getAddress(), "request head not complete within "
                        + TimeUnit.MILLISECONDS.toSeconds(headDeadlineMillis) + " s (http.header-timeout-seconds)");
            }
            getEndPoint().close();
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
