package org.polisi.site.buildserver;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The build server's wire format, on a Unix domain socket. The client sends a request: the format
 * mark, its {@link Fingerprint}, a {@link Request} and the command line. The server answers with one
 * {@link Answer} byte, then, for a build it accepted, frames of standard output
 * ({@code 1, length, bytes}), standard error ({@code 2, length, bytes}) and last the exit status
 * ({@code 3, status}). Integers are big-endian ({@link DataOutputStream}).
 */
final class Frames {
    static final int FORMAT = 0x504f4c31;   // "POL1"
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    /** At most this many arguments or bytes per argument are read, so a bad request cannot exhaust memory. */
    private static final int MAX_ARGUMENTS = 1_000;

    /** What a client asks. */
    enum Request { BUILD, STOP, PING }

    /** The server's first byte: it runs the build, its fingerprint differs (and it stops), it stops, it is alive. */
    enum Answer { ACCEPTED, OTHER_FINGERPRINT, STOPPING, ALIVE }

    private Frames() {
    }

    static void writeRequest(DataOutputStream out, String fingerprint, Request request, List<String> args) throws IOException {
        out.writeInt(FORMAT);
        out.writeUTF(fingerprint);
        out.writeByte(request.ordinal());
        out.writeInt(args.size());
        for (String arg : args) {
            out.writeUTF(arg);
        }
        out.flush();
    }

    /** A request as read; {@code args} is empty but for a build. */
    record Received(String fingerprint, Request request, List<String> args) {
    }

    /** @throws IOException when the request is not in this format (another program, a cut connection) */
    static Received readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("not a Polisi build request");
        }
        String fingerprint = in.readUTF();
        int request = in.readUnsignedByte();
        int count = in.readInt();
        if (request >= Request.values().length || count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("a malformed Polisi build request");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            args.add(in.readUTF());
        }
        return new Received(fingerprint, Request.values()[request], List.copyOf(args));
    }

    /**
     * One of the build's output streams, sent as frames of {@code kind}. Writes are whole frames
     * under one lock, so standard output and error from the build's threads never interleave inside a
     * frame. A client that has gone (Ctrl+C) makes later writes do nothing: the build runs to its end,
     * as the build lock expects, and its result is on disk for the next build.
     */
    static final class Stream extends OutputStream {
        private final DataOutputStream socket;
        private final byte kind;
        private final boolean[] gone;

        Stream(DataOutputStream socket, byte kind, boolean[] gone) {
            this.socket = socket;
            this.kind = kind;
            this.gone = gone;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (socket) {
                if (gone[0] || length == 0) {
                    return;
                }
                try {
                    socket.writeByte(kind);
                    socket.writeInt(length);
                    socket.write(bytes, offset, length);
                    socket.flush();
                } catch (IOException closed) {
                    gone[0] = true;
                }
            }
        }
    }

    /** Sends the exit status, the last frame. */
    static void writeExit(DataOutputStream socket, int status, boolean[] gone) {
        synchronized (socket) {
            if (gone[0]) {
                return;
            }
            try {
                socket.writeByte(EXIT);
                socket.writeInt(status);
                socket.flush();
            } catch (IOException closed) {
                gone[0] = true;
            }
        }
    }
}
