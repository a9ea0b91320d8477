package org.polisi.forms.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.QuotedCSV;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.InetAddressSet;
import org.eclipse.jetty.util.StringUtil;

/**
 * The client's address behind reverse proxies (issue 16): a Jetty request customizer that runs just
 * before Jetty's own {@link ForwardedRequestCustomizer}, which then sets the request's remote
 * address and scheme. Jetty's customizer believes the left-most {@code X-Forwarded-For} entry, which
 * the client writes itself; so this one first decides what it may see:
 * <ul>
 *   <li>when the connection does not come from a trusted proxy, every forwarding header is removed,
 *       and the socket's address stands;</li>
 *   <li>when it does, {@code X-Forwarded-For} is read from the right (each proxy appends the address
 *       it received the request from), trusted proxies are skipped, and the first address that is
 *       not one is the client: the header is replaced by that one address. An entry that is not an
 *       address ({@code unknown}, a name) ends the walk at the last trusted proxy, which is then the
 *       client. {@code X-Forwarded-Proto} (the proxy's scheme, for {@code Secure} cookies) is kept;
 *       the other forwarding headers ({@code Forwarded}, {@code X-Forwarded-Host}…) are removed.</li>
 * </ul>
 * The trusted proxies are addresses and CIDR blocks in Jetty's {@link InetAddressSet} notation
 * ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}). The right-most-untrusted rule is the one
 * MDN's X-Forwarded-For page recommends for security uses such as rate limits.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {

    private static final String FOR = "X-Forwarded-For";
    private static final String PROTO = "X-Forwarded-Proto";
    /** Every header Jetty's ForwardedRequestCustomizer reads: none may reach it unchecked. */
    private static final Set<String> FORWARDING = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-server", "x-forwarded-port", "x-proxied-https", "proxy-ssl-id",
            "proxy-auth-cert");

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private final InetAddressSet trusted = new InetAddressSet();

    /**
     * @param proxies addresses and CIDR blocks of the proxies in front of the server
     * @throws IllegalArgumentException for an entry that is neither
     */
    public TrustedProxies(List<String> proxies) {
        for (String proxy : proxies) {
            try {
                trusted.add(proxy.strip());
            } catch (RuntimeException notAnAddress) {
                throw new IllegalArgumentException("trusted-proxies: '" + proxy + "' is not an address or CIDR block "
                        + "(e.g. 127.0.0.1, 10.0.0.0/8, ::1)", notAnAddress);
            }
        }
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        return trusted.test(address);
    }

    /** Installs this customizer and, after it, Jetty's forwarded-request support into {@code http}. */
    public void install(HttpConfiguration http) {
        http.addCustomizer(this);
        ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
        forwarded.setForwardedPortAsAuthority(false);
        http.addCustomizer(forwarded);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpFields headers = request.getHeaders();
        if (headers.stream().noneMatch(field -> FORWARDING.contains(StringUtil.asciiToLowerCase(field.getName())))) {
            return request;
        }
        HttpFields.Mutable checked = HttpFields.build();
        headers.stream().filter(field -> !FORWARDING.contains(StringUtil.asciiToLowerCase(field.getName())))
                .forEach(checked::add);
        InetAddress peer = peer(request.getConnectionMetaData().getRemoteSocketAddress());
        if (peer != null && trusted.test(peer)) {
            String client = rightMostUntrusted(headers.getValuesList(FOR), peer);
            if (client != null) {
                checked.put(FOR, client);
            }
            String proto = headers.get(PROTO);
            if (proto != null) {
                checked.put(PROTO, proto);
            }
        }
        HttpFields fields = checked.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return fields;
            }
        };
    }

    /**
     * The right-most address in the X-Forwarded-For values that is not a trusted proxy; the last
     * trusted one when an entry is not an address; null when there is no header.
     */
    String rightMostUntrusted(List<String> values, InetAddress peer) {
        List<String> hops = new QuotedCSV(false, values.toArray(String[]::new)).getValues();
        if (hops.isEmpty()) {
            return null;
        }
        String nearestTrusted = peer.getHostAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = address(hops.get(i));
            if (hop == null) {
                return nearestTrusted;
            }
            if (!trusted.test(hop)) {
                return hop.getHostAddress();
            }
            nearestTrusted = hop.getHostAddress();
        }
        return nearestTrusted;
    }

    /** An IP address literal (with or without a port, IPv6 in brackets), never a name to look up; else null. */
    private static InetAddress address(String hop) {
        try {
            String host = new HostPort(hop.strip()).getHost();
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            boolean ipv4 = IPV4.matcher(bare).matches()
                    && java.util.Arrays.stream(bare.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
            boolean ipv6 = bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches();
            // Only a literal reaches getByName, which then parses it and asks no DNS server for a name a client chose.
            return ipv4 || ipv6 ? InetAddress.getByName(bare) : null;
        } catch (RuntimeException | java.net.UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static InetAddress peer(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
