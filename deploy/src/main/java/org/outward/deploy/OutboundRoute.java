package org.outward.deploy;

import java.util.Objects;
import java.util.Optional;

/** Where the gateway sends mail once it has been judged. */
public sealed interface OutboundRoute {

    /** Repository that holds outbound mail in try-out mode, as James names it. */
    String TRY_OUT_REPOSITORY = "file://var/mail/outbound-held/";

    /** The same repository as WebAdmin's {@code /mailRepositories/{path}} routes name it (no protocol, URL-encoded). */
    String TRY_OUT_WEBADMIN_PATH = "var%2Fmail%2Foutbound-held";

    /** A one-line description for the start-up banner. */
    String describe();

    /** Nothing leaves: mail is kept in {@link #TRY_OUT_REPOSITORY} so a newcomer can look at it. */
    record TryOut() implements OutboundRoute {
        @Override
        public String describe() {
            return "nowhere (try-out mode): outbound mail is held in the mail repository " + TRY_OUT_REPOSITORY;
        }
    }

    /** Every message goes to one smart host, optionally with STARTTLS and authentication. */
    record Relay(String host, int port, boolean startTls, Optional<Credentials> credentials) implements OutboundRoute {
        public Relay {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(credentials, "credentials");
            if (host.isBlank()) {
                throw new IllegalArgumentException("the smart host name is empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the smart host port must be 1-65535, not " + port);
            }
        }

        /**
         * Parses {@code HOST:PORT} (or {@code [IPv6]:PORT}), as given to {@code --relay}.
         *
         * @throws IllegalArgumentException with a sentence saying what is wrong
         */
        public static Relay parse(String hostAndPort, boolean startTls, Optional<Credentials> credentials) {
            int colon = hostAndPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostAndPort.length() - 1) {
                throw new IllegalArgumentException("--relay needs HOST:PORT, e.g. smtp.example.org:587, not '"
                        + hostAndPort + "'");
            }
            String host = hostAndPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(hostAndPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--relay port is not a number in '" + hostAndPort + "'");
            }
            return new Relay(host, port, startTls, credentials);
        }

        @Override
        public String describe() {
            return "smart host " + host + ":" + port + (startTls ? " with STARTTLS" : "")
                    + credentials.map(c -> " as " + c.username()).orElse("");
        }
    }

    /** Each message goes straight to the recipients' mail servers, found by MX lookup. */
    record Direct() implements OutboundRoute {
        @Override
        public String describe() {
            return "the recipients' own mail servers (direct delivery by MX lookup)";
        }
    }

    /**
     * The {@code outbound} processor of the configuration folder ({@code --config}) as it is written: a production
     * configuration's own delivery (its DKIM signing, retry schedule and onward relay), left untouched.
     */
    record AsConfigured() implements OutboundRoute {
        @Override
        public String describe() {
            return "as the configuration's outbound processor says";
        }
    }

    /** Login for the smart host. The password never appears in {@link #toString()}. */
    record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=<redacted>]";
        }
    }
}
