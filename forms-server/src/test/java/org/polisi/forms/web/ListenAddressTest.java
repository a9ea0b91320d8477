package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * The 23:40 tester, fault 3: {@code ./polisi serve} listened on every interface ({@code *:7070} in
 * {@code ss -ltnp}) while saying "localhost". It listens on 127.0.0.1 unless {@code host} says
 * otherwise; {@code host=0.0.0.0} is every interface. Probed with real sockets on this machine's own
 * addresses.
 */
class ListenAddressTest {

    @Test
    void byDefaultOnlyThisMachineCanConnect(@TempDir Path folder) throws IOException {
        InetAddress outward = nonLoopbackAddress();
        try (TestServer server = TestServer.start(folder)) {
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
                assertTrue(local.isConnected());
            }
            assertThrows(IOException.class, () -> {
                try (Socket outside = new Socket()) {
                    outside.connect(new InetSocketAddress(outward, server.port()), 2_000);
                }
            }, "not listening on " + outward);
        }
    }

    @Test
    void everyInterfaceOnlyWhenAskedFor(@TempDir Path folder) throws IOException {
        InetAddress outward = nonLoopbackAddress();
        try (TestServer server = TestServer.start(TestServer.settings(folder).set("host", "0.0.0.0").load(),
                Clock.systemUTC())) {
            try (Socket outside = new Socket()) {
                outside.connect(new InetSocketAddress(outward, server.port()), 2_000);
                assertTrue(outside.isConnected());
            }
            assertEquals(200, server.browser().get("/").statusCode());
        }
    }

    /** An IPv4 address of this machine that is not loopback (the test needs one to probe from). */
    private static InetAddress nonLoopbackAddress() throws IOException {
        Optional<InetAddress> found = NetworkInterface.networkInterfaces()
                .filter(face -> {
                    try {
                        return face.isUp() && !face.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(found.isPresent(), "this machine has no address but loopback");
        return found.get();
    }
}
