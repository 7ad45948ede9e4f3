package org.outward.portal;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which reverse proxies the portal believes about the client's address, and in which header they say it.
 * <p>
 * Only when the TCP peer is one of {@code proxies} is the header read at all; then the right-most address in it
 * that is not itself a trusted proxy is the client: each proxy appends the address it received the request from,
 * so everything left of that was written by the client and proves nothing. A header that cannot be read at or
 * right of that point counts the request against the peer, as if there were no header. Only the header the
 * proxy writes may be named: a proxy passes the other one through untouched, so the client would choose it.
 *
 * @param proxies the trusted proxies (empty: headers are ignored, the peer is the client)
 * @param header  the header those proxies append to
 */
public record ProxyTrust(List<AddressRange> proxies, Header header) {

    /** Trusts nobody: the TCP peer is the client. */
    public static final ProxyTrust NONE = new ProxyTrust(List.of(), Header.X_FORWARDED_FOR);

    /** The forwarding header the trusted proxies write. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1} (Caddy, nginx's {@code $proxy_add_x_forwarded_for}). */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** RFC 7239 {@code Forwarded: for=client, for=proxy1}. */
        FORWARDED("Forwarded");

        private final String name;

        Header(String name) {
            this.name = name;
        }

        /** The header's name on the wire. */
        String headerName() {
            return name;
        }

        /** {@code x-forwarded-for} or {@code forwarded}, any case. */
        public static Header parse(String text) {
            for (Header header : values()) {
                if (header.name.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return header;
                }
            }
            throw new IllegalArgumentException("the client header is X-Forwarded-For or Forwarded");
        }
    }

    public ProxyTrust {
        proxies = List.copyOf(proxies);
        Objects.requireNonNull(header, "header");
    }

    /** Trusts the given CIDR blocks, read from {@code header}. */
    public static ProxyTrust of(List<String> cidrs, Header header) {
        return new ProxyTrust(cidrs.stream().map(AddressRange::parse).toList(), header);
    }

    public boolean trusts(InetAddress address) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The address a request is counted against.
     *
     * @param peer   the TCP peer
     * @param values the lines of the configured header, in the order received (null or empty when absent)
     */
    public InetAddress client(InetAddress peer, List<String> values) {
        if (!trusts(peer) || values == null || values.isEmpty()) {
            return peer;
        }
        List<String> hops = ForwardedHops.split(String.join(",", values), header == Header.FORWARDED);
        InetAddress leftMost = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = header == Header.FORWARDED ? ForwardedHops.forwardedFor(hops.get(i))
                    : IpLiteral.parse(ForwardedHops.unbracket(hops.get(i).strip()));
            if (hop.isEmpty()) {
                return peer;
            }
            if (!trusts(hop.get())) {
                return hop.get();
            }
            leftMost = hop.get();
        }
        // Every hop is a trusted proxy: the request started at one of them.
        return leftMost;
    }

    @Override
    public String toString() {
        return proxies.isEmpty() ? "no trusted proxy" : proxies + " via " + header.headerName().toLowerCase(Locale.ROOT);
    }
}
