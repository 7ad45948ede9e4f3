package org.outward.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;

/** The embedded gateway as the end-to-end tests start it: the default policy, relaying to GreenMail. */
final class RelayingGateway {

    private RelayingGateway() {
    }

    /** Starts a gateway working in {@code work/james} with a copy of the default policy at {@code work/policy.yaml}. */
    static EmbeddedGateway start(Path work, GreenMail outside) throws IOException, StartupProblem {
        Path policy = work.resolve("policy.yaml");
        try (InputStream in = RelayingGateway.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policy);
        }
        return EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work.resolve("james"),
                new OutboundRoute.Relay("127.0.0.1", outside.getSmtp().getPort(), false, Optional.empty()),
                Optional.of(policy)));
    }
}
