package org.outward.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The embedded gateway as the end-to-end tests start it, relaying to GreenMail as the outside world. */
final class RelayingGateway {

    private RelayingGateway() {
    }

    /** GreenMail on a free loopback port: the recipients' servers. */
    static GreenMail startOutside() {
        GreenMail outside = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        return outside;
    }

    /** Starts a gateway working in {@code work/james} with a copy of the default policy at {@code work/policy.yaml}. */
    static EmbeddedGateway start(Path work, GreenMail outside) throws IOException, StartupProblem {
        Path policy = work.resolve("policy.yaml");
        try (InputStream in = RelayingGateway.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policy);
        }
        return start(Optional.empty(), work, outside, Optional.of(policy));
    }

    /** Starts a gateway on a configuration folder ({@code --config}), working in {@code work/james}. */
    static EmbeddedGateway start(Optional<Path> config, Path work, GreenMail outside, Optional<Path> policy)
            throws StartupProblem {
        return EmbeddedGateway.start(new GatewaySettings(0, 0, config, work.resolve("james"),
                new OutboundRoute.Relay("127.0.0.1", outside.getSmtp().getPort(), false, Optional.empty()), policy));
    }

    /**
     * Starts a gateway with the default configuration working in {@code work/james}, whose secure links name
     * {@code portalUrl} (the in-process portal's address on 127.0.0.1).
     */
    static EmbeddedGateway startForPortal(Path work, GreenMail outside, java.net.URI portalUrl) throws StartupProblem {
        return EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work.resolve("james"),
                new OutboundRoute.Relay("127.0.0.1", outside.getSmtp().getPort(), false, Optional.empty()),
                Optional.empty()).withPortalUrl(portalUrl));
    }

    /** Stops what a test started, either of which may be null when start-up failed. */
    static void stop(EmbeddedGateway gateway, GreenMail outside) {
        if (gateway != null) {
            gateway.close();
        }
        if (outside != null) {
            outside.stop();
        }
    }
}
