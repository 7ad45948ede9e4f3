package org.outward.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;


import org.outward.report.IncidentExport;
import org.outward.report.IncidentText;
import org.outward.report.ReportJson;
import org.outward.report.TrailFiles;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gateway audit ...}: the DPO's reports from the audit trail: the digest of what was judged, stopped and still
 * waits ({@code digest}, printed or mailed), and everything about one incident ({@code export}).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Reports from the audit trail for the DPO.",
        subcommands = {AuditCommand.DigestCommand.class, AuditCommand.Export.class})
final class AuditCommand {

    /** Environment variable with a WebAdmin token, for a WebAdmin with JWT authentication on. */
    static final String WEBADMIN_TOKEN_ENV = "OUTWARD_WEBADMIN_TOKEN";
    /** Environment variable with the admin console's address, which the digest links to. */
    static final String CONSOLE_URL_ENV = "OUTWARD_CONSOLE_URL";

    /** Shared parts of the subcommands. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Verbosity verbosity;

        @Option(names = "--audit", paramLabel = "FILE|DIR", description = "The audit file, or the folder of it and its "
                + "rolled-over days (default: ${DEFAULT-VALUE}, where gateway run writes it).")
        Path audit = AuditFile.in(Path.of("outward-work"));

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        int problem(String text) {
            err().println("gateway: " + text);
            err().flush();
            return 1;
        }

        Optional<TrailFiles.Trail> trail(Instant from, Instant to) {
            if (!Files.exists(audit)) {
                problem("no audit trail at " + audit);
                return Optional.empty();
            }
            try {
                return Optional.of(TrailFiles.read(audit, from, to));
            } catch (IOException e) {
                problem("cannot read the audit trail at " + audit + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        /** A moment: an ISO-8601 instant, a date (its start, UTC), or a span back from now such as 24h or 7d. */
        Instant moment(String text, Instant now) {
            try {
                String lower = text.strip().toLowerCase(Locale.ROOT);
                if (lower.matches("\\d+[hd]")) {
                    long amount = Long.parseLong(lower.substring(0, lower.length() - 1));
                    return now.minus(lower.endsWith("h") ? Duration.ofHours(amount) : Duration.ofDays(amount));
                }
                if (lower.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return LocalDate.parse(lower).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(text.strip());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "not a time: '" + text
                        + "' (an ISO-8601 instant such as 2026-12-07T09:00:00Z, a date, or a span back such as 24h or 7d)");
            }
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
            description = {"The DPO's digest: messages judged by verdict, day and rule, policy versions and admin actions "
                    + "in the window, and the held mail that waits for a decision (asked of WebAdmin), oldest first.",
                    "Printed; with --send, mailed to the policy's notices.dpo-address in its notices.language."})
    static final class DigestCommand extends Base {
        @Option(names = "--since", paramLabel = "WHEN", description = "Start of the window: 24h, 7d, a date or an instant "
                + "(default: ${DEFAULT-VALUE}).")
        String since = "24h";

        @Option(names = "--until", paramLabel = "WHEN", description = "End of the window (default: now).")
        String until;

        @Option(names = "--policy", paramLabel = "FILE", description = "The policy in force, for the DPO's address and "
                + "the notice language (default: the default policy).")
        Path policy;

        @Option(names = "--webadmin", paramLabel = "URL", description = "James's WebAdmin, asked for the held mail "
                + "(default: ${DEFAULT-VALUE}); a token, if it needs one, in $" + WEBADMIN_TOKEN_ENV + ".")
        URI webAdmin = URI.create("http://127.0.0.1:" + GatewaySettings.DEFAULT_WEBADMIN_PORT);

        @Option(names = "--no-held", description = "Do not ask WebAdmin for the held mail.")
        boolean noHeld;

        @Option(names = "--console-url", paramLabel = "URL", description = "The admin console's address, linked from "
                + "the digest (default: $" + CONSOLE_URL_ENV + ").")
        String consoleUrl = System.getenv(CONSOLE_URL_ENV);

        @Option(names = "--send", description = "Mail the digest to the DPO instead of printing it.")
        boolean send;

        @Option(names = "--to", paramLabel = "ADDRESS", description = "Send to this address instead of the policy's DPO.")
        String to;

        @Option(names = "--from", paramLabel = "ADDRESS", description = "The digest's From (default: postmaster at the "
                + "DPO's domain).")
        String from;

        @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Where to submit it (default: ${DEFAULT-VALUE}, "
                + "the gateway's own port, so it takes the gateway's outbound route).")
        String smtp = "127.0.0.1:" + GatewaySettings.DEFAULT_SMTP_PORT;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            Instant end = until == null ? now : moment(until, now);
            Instant start = moment(since, now);
            int colon = smtp.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(smtp.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--smtp takes HOST:PORT, not " + smtp);
            }
            DigestDelivery delivery = new DigestDelivery(audit, noHeld ? Optional.empty() : Optional.of(webAdmin),
                    Optional.ofNullable(System.getenv(WEBADMIN_TOKEN_ENV)).filter(t -> !t.isBlank()), policy,
                    Optional.ofNullable(consoleUrl).filter(u -> !u.isBlank()), smtp.substring(0, Math.max(colon, 0)), port,
                    Optional.ofNullable(to), Optional.ofNullable(from));
            try {
                if (send) {
                    out().println("Digest sent to " + delivery.send(start, end) + " through " + smtp + ".");
                } else {
                    out().print(delivery.text(start, end));
                }
            } catch (DigestDelivery.Problem e) {
                return problem(e.getMessage());
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Everything the audit trail holds about an incident, for a breach assessment: what left, to "
                    + "whom and when, what was found (redacted), what the gateway did and every admin action since.",
                    "Choose the mail by --message-id, or by --sender in a window (--since, --until)."})
    static final class Export extends Base {

        static final class Choice {
            @Option(names = "--message-id", paramLabel = "ID", required = true,
                    description = "The Message-ID, with its angle brackets, e.g. '<abc@party.example>'.")
            String messageId;

            @Option(names = "--sender", paramLabel = "ADDRESS", required = true, description = "The envelope sender.")
            String sender;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        @Option(names = "--since", paramLabel = "WHEN", description = "Start of the window: a span back such as 7d, a "
                + "date or an instant (default: ${DEFAULT-VALUE}).")
        String since = "400d";

        @Option(names = "--until", paramLabel = "WHEN", description = "End of the window (default: now).")
        String until;

        @Option(names = "--json", description = "The report as one JSON document instead of text.")
        boolean json;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            Instant start = moment(since, now);
            Instant end = until == null ? now : moment(until, now);
            // Admin actions on the mail come after it: read on to now, and choose decisions in the window only.
            Optional<TrailFiles.Trail> trail = trail(start, now.plusSeconds(1));
            if (trail.isEmpty()) {
                return 1;
            }
            IncidentExport export = choice.messageId != null
                    ? IncidentExport.byMessageId(trail.get(), choice.messageId, now)
                    : IncidentExport.bySender(trail.get(), choice.sender, start, end, now);
            if (choice.sender != null) {
                export = new IncidentExport(export.generated(), export.query(), export.messages().stream()
                        .filter(m -> m.judged().isBefore(end)).toList(), export.unreadable());
            }
            out().println(json ? ReportJson.of(export) : IncidentText.of(export));
            out().flush();
            return export.messages().isEmpty() ? 2 : 0;
        }
    }
}
