package org.outward.james.configuration;

import java.nio.file.Path;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;

/**
 * The {@code DeleteHeld} mailet's parameters.
 *
 * @param policy the policy file, the same as the {@code Inspect} mailet's
 */
public record DeleteHeldConfiguration(Path policy) {

    public static final String POLICY = InspectConfiguration.POLICY;

    public static DeleteHeldConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("DeleteHeld", config, Set.of(POLICY));
        return new DeleteHeldConfiguration(Path.of(parameters.required(POLICY, "name the policy file")));
    }
}
