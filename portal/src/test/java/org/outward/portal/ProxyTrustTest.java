package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProxyTrustTest {

    private static final InetAddress PROXY = IpLiteral.parse("10.1.2.3").orElseThrow();
    private static final ProxyTrust XFF = ProxyTrust.of(List.of("10.0.0.0/8", "fd00::/8"), ProxyTrust.Header.X_FORWARDED_FOR);
    private static final ProxyTrust RFC = ProxyTrust.of(List.of("10.0.0.0/8"), ProxyTrust.Header.FORWARDED);

    private static String client(ProxyTrust trust, InetAddress peer, String... lines) {
        return trust.client(peer, List.of(lines)).getHostAddress();
    }

    @Test
    void rangesMatchByPrefix() {
        AddressRange range = AddressRange.parse("192.168.4.0/22");
        assertThat(range.contains(IpLiteral.parse("192.168.7.255").orElseThrow())).isTrue();
        assertThat(range.contains(IpLiteral.parse("192.168.8.0").orElseThrow())).isFalse();
        assertThat(range.contains(IpLiteral.parse("::ffff:c0a8:401").orElseThrow())).as("mapped IPv4").isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains(IpLiteral.parse("2001:db8:ffff::1").orElseThrow())).isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains(PROXY)).isFalse();
        assertThatThrownBy(() -> AddressRange.parse("proxy.example/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        assertThat(client(XFF, PROXY, "1.1.1.1, 2.2.2.2, 10.9.9.9")).isEqualTo("2.2.2.2");
        assertThat(client(XFF, PROXY, "1.1.1.1", "2.2.2.2")).as("two header lines").isEqualTo("2.2.2.2");
        assertThat(client(XFF, PROXY, "garbage, 2.2.2.2")).as("junk left of the client is ignored").isEqualTo("2.2.2.2");
        assertThat(client(XFF, PROXY, "[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client(XFF, PROXY, "10.0.0.5, 10.0.0.6")).as("all trusted: the first").isEqualTo("10.0.0.5");
    }

    @Test
    void unreadableOrUntrustedMeansThePeer() {
        InetAddress stranger = IpLiteral.parse("192.0.2.1").orElseThrow();
        assertThat(client(XFF, stranger, "1.1.1.1")).isEqualTo("192.0.2.1");
        for (String junk : List.of("", "1.1.1.1, nonsense", "256.1.1.1", "1.2.3", "example.org", "1.1.1.1:80",
                "::1%eth0", "1.1.1.1,")) {
            assertThat(client(XFF, PROXY, junk)).as(junk).isEqualTo("10.1.2.3");
        }
        assertThat(XFF.client(PROXY, null)).isEqualTo(PROXY);
    }

    @Test
    void forwardedElementsAreParsedWithQuotes() {
        assertThat(client(RFC, PROXY, "for=192.0.2.60;proto=http;by=203.0.113.43")).isEqualTo("192.0.2.60");
        assertThat(client(RFC, PROXY, "For=\"[2001:db8:cafe::17]:4711\"")).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(client(RFC, PROXY, "for=1.1.1.1, for=\"2.2.2.2:80\";host=\"a,b\"")).isEqualTo("2.2.2.2");
        assertThat(client(RFC, PROXY, "for=1.1.1.1, for=10.0.0.1")).isEqualTo("1.1.1.1");
        for (String junk : List.of("for=unknown", "for=_hidden", "proto=https", "for=1.1.1.1;for=2.2.2.2",
                "for=\"[2001:db8::1\"", "for=1.1.1.1:http", "for")) {
            assertThat(client(RFC, PROXY, junk)).as(junk).isEqualTo("10.1.2.3");
        }
    }
}
