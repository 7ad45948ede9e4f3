package org.outward.james.configuration;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;

/**
 * The {@code NotifySender} mailet's parameters.
 *
 * @param templates a folder of notice templates laid out as {@code policies/notices}; empty: the built-in ones
 */
public record NotifySenderConfiguration(Optional<Path> templates) {

    public static final String TEMPLATES = "templates";

    public static NotifySenderConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("NotifySender", config, Set.of(TEMPLATES));
        return new NotifySenderConfiguration(parameters.folder(TEMPLATES));
    }
}
