package org.outward.james.configuration;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.outward.shared.VaultSetting;

/**
 * One mailet's init parameters, read after the names were checked against those the mailet takes. Problems are
 * reported as {@code Mailet: what is wrong}, the form James's start-up diagnosis passes on to the admin.
 */
final class InitParameters {

    /** Parameters James's mailet container reads itself for any mailet (what to do when the mailet throws). */
    private static final Set<String> JAMES_OWN = Set.of("onMailetException", "onMatchException");

    private final String mailet;
    private final MailetConfig config;

    private InitParameters(String mailet, MailetConfig config) {
        this.mailet = mailet;
        this.config = config;
    }

    /** The mailet's parameters; refused when one of them is not among {@code known}. */
    static InitParameters of(String mailet, MailetConfig config, Set<String> known) throws MessagingException {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = config.getInitParameterNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !JAMES_OWN.contains(name)) {
                unknown.add("<" + name + ">");
            }
        }
        if (!unknown.isEmpty()) {
            throw new MessagingException(mailet + ": unknown parameter " + String.join(", ", unknown) + "; "
                    + (known.isEmpty() ? "it takes none" : "it takes " + names(known)));
        }
        return new InitParameters(mailet, config);
    }

    /** The trimmed value, or {@code byDefault} when the parameter is absent. */
    String text(String name, String byDefault) {
        String value = config.getInitParameter(name);
        return value == null ? byDefault : value.trim();
    }

    /** The trimmed value, refused when absent or empty with {@code the <name> parameter must ...}. */
    String required(String name, String mustDo) throws MessagingException {
        String value = text(name, "");
        if (value.isEmpty()) {
            throw problem("the <" + name + "> parameter must " + mustDo);
        }
        return value;
    }

    /** A folder, or none when the parameter is absent or empty. */
    Optional<Path> folder(String name) {
        String value = text(name, "");
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** A whole number of at least {@code least}. */
    long wholeNumber(String name, long byDefault, long least) throws MessagingException {
        String value = text(name, Long.toString(byDefault));
        try {
            long number = Long.parseLong(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        throw problem(name + " must be a whole number of at least " + least);
    }

    /** A switch written {@code true} or {@code false}. */
    boolean onOrOff(String name, boolean byDefault) throws MessagingException {
        String value = text(name, Boolean.toString(byDefault));
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw problem(name + " must be true or false");
    }

    /** A vault setting ({@code local:<folder>} or shared) written as {@code where}. */
    VaultSetting vault(String where) throws MessagingException {
        try {
            return VaultSetting.parse(where);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    /** A web address starting {@code https://} (or {@code http://} for a try-out), given as {@code url}. */
    URI webAddress(String name, String url) throws MessagingException {
        URI address;
        try {
            address = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw problem(name + " '" + url + "' is not a URL");
        }
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme())) {
            throw problem(name + " must start with https:// (or http:// for a try-out)");
        }
        return address;
    }

    /** A refusal of this mailet's configuration, saying what is wrong. */
    MessagingException problem(String what) {
        return new MessagingException(mailet + ": " + what);
    }

    private static String names(Set<String> known) {
        List<String> tags = new ArrayList<>();
        for (String name : new TreeSet<>(known)) {
            tags.add("<" + name + ">");
        }
        return String.join(", ", tags);
    }
}
