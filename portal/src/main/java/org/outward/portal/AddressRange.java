package org.outward.portal;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), or one address: the reverse
 * proxies whose forwarding headers the portal believes.
 *
 * @param network the first address of the block
 * @param prefix  how many leading bits an address must share with {@code network}
 */
public record AddressRange(InetAddress network, int prefix) {

    public AddressRange {
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > network.getAddress().length * 8) {
            throw new IllegalArgumentException("prefix out of range");
        }
    }

    /** Parses {@code ADDRESS/BITS} or a bare {@code ADDRESS}; literals only, never a host name. */
    public static AddressRange parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = IpLiteral.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + trimmed));
        int bits = network.getAddress().length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length: " + trimmed);
            }
        }
        return new AddressRange(network, bits);
    }

    /** Whether the address lies in this block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] base = network.getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != base[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[whole] & mask) == (base[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
