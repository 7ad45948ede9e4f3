package org.outward.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name a node writes in its audit lines: the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}, else the host name. Set one of them where host names say nothing (containers named by
 * their id) or where several nodes share one.
 */
public final class NodeName {

    public static final String PROPERTY = "outward.node";
    public static final String ENVIRONMENT = "OUTWARD_NODE";

    private NodeName() {
    }

    public static String ofThisNode() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String host = System.getenv("HOSTNAME");
            return host == null || host.isBlank() ? "unknown" : host;
        }
    }
}
