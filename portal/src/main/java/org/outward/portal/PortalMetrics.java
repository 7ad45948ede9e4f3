package org.outward.portal;

import java.io.IOException;
import java.io.Writer;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;

/**
 * What recipients and senders did on this portal node, for Prometheus: requests by route and status code, their
 * durations in seconds, one-time codes sent and files downloaded. Labels come from a fixed set (the route's kind,
 * the HTTP status), never from a path, so no token, address or file name reaches a metric. Each portal has its own
 * registry, so that several portals in one process (the tests) count apart.
 */
final class PortalMetrics {

    /** Requests by route kind and HTTP status ({@code none} when the client was cut off before an answer). */
    static final String REQUESTS = "outward_portal_requests_total";
    static final String DURATION = "outward_portal_request_duration_seconds";
    static final String CODES_SENT = "outward_portal_codes_sent_total";
    static final String DOWNLOADS = "outward_portal_downloads_total";

    private final CollectorRegistry registry = new CollectorRegistry();
    private final Counter requests = Counter.build(REQUESTS, "Portal requests by route and HTTP status.")
            .labelNames("route", "code").withoutExemplars().register(registry);
    private final Histogram duration = Histogram.build(DURATION, "Time to answer a portal request.")
            .labelNames("route").buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            // No exemplars: their sampler looks for a tracing library, and in the gateway's JVM it finds
            // James's and fails inside observe().
            .withoutExemplars().register(registry);
    private final Counter codesSent = Counter.build(CODES_SENT, "One-time codes handed to the gateway for a recipient.")
            .withoutExemplars().register(registry);
    private final Counter downloads = Counter.build(DOWNLOADS, "Files sent to a recipient in full.")
            .withoutExemplars().register(registry);

    /** The route kind of a request path: one of a few words, whatever the path holds. */
    static String route(String path) {
        if (path == null) {
            return "other";
        }
        if (path.startsWith(org.outward.vault.PortalPaths.LINK_PREFIX)) {
            return "link";
        }
        if (path.startsWith(org.outward.vault.PortalPaths.MANAGEMENT_PREFIX)) {
            return "manage";
        }
        if (path.startsWith(org.outward.vault.PortalPaths.REPORT_PREFIX)) {
            return "report";
        }
        if ("/".equals(path)) {
            return "home";
        }
        return path.startsWith("/static/") ? "static" : "other";
    }

    void request(String route, int status, double seconds) {
        requests.labels(route, status < 0 ? "none" : Integer.toString(status)).inc();
        duration.labels(route).observe(seconds);
    }

    void codeSent() {
        codesSent.inc();
    }

    void downloaded() {
        downloads.inc();
    }

    /** Content type of {@link #write}. */
    static String contentType() {
        return TextFormat.CONTENT_TYPE_004;
    }

    /** Every metric in the Prometheus text format 0.0.4. */
    void write(Writer out) throws IOException {
        TextFormat.write004(out, registry.metricFamilySamples());
    }
}
