package org.outward.james.configuration;

import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;

/** The {@code ReleaseHeld} mailet takes no parameters; one given is a mistake worth stopping for. */
public record ReleaseHeldConfiguration() {

    public static ReleaseHeldConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters.of("ReleaseHeld", config, Set.of());
        return new ReleaseHeldConfiguration();
    }
}
