package org.outward.portal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the portal listens, the address recipients reach it at, and its limits.
 *
 * @param bind       the address and port to listen on (port 0 picks a free one)
 * @param publicBase the URL links are made with; {@code https} turns on HSTS and Secure cookies
 * @param limits     codes, locks, rate limits and sizes
 * @param proxies    the reverse proxies whose forwarding header names the client (none by default)
 */
public record PortalConfig(InetSocketAddress bind, URI publicBase, Limits limits, ProxyTrust proxies) {

    /** The try-out default: {@code http://localhost:8080}. */
    public static final URI DEFAULT_PUBLIC_BASE = URI.create("http://localhost:8080");
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    public PortalConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(publicBase, "publicBase");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(proxies, "proxies");
        String scheme = publicBase.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the public base URL must be http or https");
        }
    }

    /** A portal that trusts no proxy: the TCP peer is the client. */
    public PortalConfig(InetSocketAddress bind, URI publicBase, Limits limits) {
        this(bind, publicBase, limits, ProxyTrust.NONE);
    }

    /** A portal on {@code host:port} with the default limits. */
    public static PortalConfig of(String host, int port, URI publicBase) {
        return new PortalConfig(new InetSocketAddress(host, port), publicBase, Limits.DEFAULTS);
    }

    /** Whether recipients reach the portal over TLS (directly or through a reverse proxy). */
    public boolean secure() {
        return "https".equals(publicBase.getScheme());
    }

    /** Returns a copy with other limits. */
    public PortalConfig withLimits(Limits other) {
        return new PortalConfig(bind, publicBase, other, proxies);
    }

    /** Returns a copy that believes the given proxies about the client's address. */
    public PortalConfig withProxies(ProxyTrust other) {
        return new PortalConfig(bind, publicBase, limits, other);
    }

    /**
     * The portal's limits.
     *
     * @param codeDigits             length of a one-time code
     * @param codeLifetime           how long a code works
     * @param codeTries              wrong codes allowed before the link locks
     * @param lockFor                how long a link stays locked
     * @param codesPerLink           codes that may be sent for one link per {@code codeWindow}
     * @param codeWindow             the window for {@code codesPerLink}
     * @param requestsPerClient      requests one client address may make per minute
     * @param requestsPerLink        requests for one link per minute, from anywhere
     * @param sessionLifetime        how long a correct code lets the recipient download
     * @param maxBodyBytes           largest form body accepted
     * @param purgeEvery             how often expired content is deleted
     * @param threads                request threads; each slow client holds one until its deadline, so well
     *                               above the number of slow connections one client should be able to stall
     * @param headerTimeout          time from a request's first byte until its request line and headers are in
     * @param bodyTimeout            time from then until its body is in
     * @param bodiesPerClient        request bodies one client may be sending at once
     */
    public record Limits(int codeDigits, Duration codeLifetime, int codeTries, Duration lockFor, int codesPerLink,
                         Duration codeWindow, int requestsPerClient, int requestsPerLink, Duration sessionLifetime,
                         int maxBodyBytes, Duration purgeEvery, int threads, Duration headerTimeout,
                         Duration bodyTimeout, int bodiesPerClient) {

        /**
         * Defaults: 8-digit codes valid 10 minutes, 5 tries then a 15-minute lock; 10 seconds each for a request's
         * head and its body, at most 4 bodies at once from one client.
         */
        public static final Limits DEFAULTS = new Limits(8, Duration.ofMinutes(10), 5, Duration.ofMinutes(15), 3,
                Duration.ofMinutes(10), 120, 30, Duration.ofMinutes(15), 4096, Duration.ofMinutes(10), 32,
                Duration.ofSeconds(10), Duration.ofSeconds(10), 4);

        public Limits {
            if (codeDigits < 6 || codeDigits > 9) {
                throw new IllegalArgumentException("codes have 6 to 9 digits");
            }
            if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
                throw new IllegalArgumentException("read deadlines must be positive");
            }
            if (threads < 1 || bodiesPerClient < 1) {
                throw new IllegalArgumentException("threads and bodies per client must be at least 1");
            }
        }

        /** Returns a copy with other per-client and per-link request limits. */
        public Limits withRequestLimits(int perClient, int perLink) {
            return new Limits(codeDigits, codeLifetime, codeTries, lockFor, codesPerLink, codeWindow, perClient,
                    perLink, sessionLifetime, maxBodyBytes, purgeEvery, threads, headerTimeout, bodyTimeout,
                    bodiesPerClient);
        }

        /** Returns a copy with other deadlines for a request's head and body. */
        public Limits withReadDeadlines(Duration headers, Duration body) {
            return new Limits(codeDigits, codeLifetime, codeTries, lockFor, codesPerLink, codeWindow,
                    requestsPerClient, requestsPerLink, sessionLifetime, maxBodyBytes, purgeEvery, threads, headers,
                    body, bodiesPerClient);
        }

        /** Returns a copy letting one client send this many request bodies at once. */
        public Limits withBodiesPerClient(int bodies) {
            return new Limits(codeDigits, codeLifetime, codeTries, lockFor, codesPerLink, codeWindow,
                    requestsPerClient, requestsPerLink, sessionLifetime, maxBodyBytes, purgeEvery, threads,
                    headerTimeout, bodyTimeout, bodies);
        }
    }
}
