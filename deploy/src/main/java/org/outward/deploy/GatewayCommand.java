package org.outward.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.james.util.DurationParser;
import org.outward.portal.Portal;
import org.outward.portal.PortalConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deploy/gateway}: the Outward launcher. */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = "Outward 0.1.0-SNAPSHOT on Apache James 3.8.1",
        description = "Outward: an outbound mail gateway on Apache James that keeps personal data and "
                + "passwords from leaving unprotected.",
        subcommands = {GatewayCommand.Run.class, PolicyCommand.class, ScanCommand.class, VaultCommand.class, AuditCommand.class,
                WebAdminTokenCommand.class, ConsoleCommand.class, CommandLine.HelpCommand.class})
public final class GatewayCommand {

    /** Environment variable holding the smart host password: never on the command line, where ps shows it. */
    static final String RELAY_PASSWORD_ENV = "OUTWARD_RELAY_PASSWORD";

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setExecutionStrategy(GatewayCommand::execute);
        return commandLine;
    }

    /** {@code run} logs as configured; every other command is quiet unless it is given {@code --verbose}. */
    private static int execute(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        if (command.commandSpec().userObject() instanceof Run) {
            return new CommandLine.RunLast().execute(parsed);
        }
        try (CommandLogging logging = CommandLogging.forTool(command.hasMatchedOption(Verbosity.OPTION))) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, version = "Outward 0.1.0-SNAPSHOT on Apache James 3.8.1",
            description = {"Start the embedded gateway: a real Apache James server running Outward's mailets.",
                    "With neither --relay nor --direct it runs in try-out mode: outbound mail is held "
                            + "in a local mail repository (listed by WebAdmin) and nothing leaves."})
    static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP submission port (default: ${DEFAULT-VALUE}).")
        int smtpPort = GatewaySettings.DEFAULT_SMTP_PORT;

        @Option(names = "--webadmin-port", paramLabel = "N",
                description = "James WebAdmin port, bound to 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int webAdminPort = GatewaySettings.DEFAULT_WEBADMIN_PORT;

        @Option(names = "--relay", paramLabel = "HOST:PORT", description = "Send outbound mail through this smart host.")
        String relay;

        @Option(names = "--relay-starttls", description = "Require STARTTLS to the smart host.")
        boolean relayStartTls;

        @Option(names = "--relay-user", paramLabel = "USER",
                description = "Log in to the smart host as USER; the password is read from $" + RELAY_PASSWORD_ENV + ".")
        String relayUser;

        @Option(names = "--delay-notice-after", paramLabel = "DURATION", description = "Tell the sender, once, when "
                + "outbound mail has not been delivered for this long, e.g. 4h or 30m (default: 4h).")
        String delayNoticeAfter = "4h";

        @Option(names = "--direct", description = "Deliver outbound mail straight to the recipients' servers (MX lookup).")
        boolean direct;

        @Option(names = "--outbound-as-configured", description = "Keep the outbound processor of --config as it is "
                + "written (its own RemoteDelivery, DKIM signing, onward relay) instead of --relay, --direct or try-out.")
        boolean outboundAsConfigured;

        @Option(names = "--config", paramLabel = "DIR",
                description = "A James configuration folder to use instead of the built-in one (deploy/conf).")
        Path config;

        @Option(names = "--policy", paramLabel = "FILE",
                description = "The policy file to enforce (default: policies/default-policy.yaml). Changes to it take effect without a restart.")
        Path policy;

        @Option(names = "--work", paramLabel = "DIR",
                description = "James's working folder; the configuration in use is written to DIR/conf (default: ${DEFAULT-VALUE}).")
        Path work = Path.of("outward-work");

        @Option(names = "--portal-port", paramLabel = "N",
                description = "Port of the recipients' secure-link portal, on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int portalPort = PortalConfig.DEFAULT_PORT;

        @Option(names = "--public-url", paramLabel = "URL",
                description = "The portal address that secure links use (default: ${DEFAULT-VALUE}).")
        URI publicUrl = PortalConfig.DEFAULT_PUBLIC_BASE;

        @Option(names = "--portal-submission-port", paramLabel = "N", description = "Port, on 127.0.0.1, on which the "
                + "portal logs in to submit its own mail (one-time codes, download notices) (default: ${DEFAULT-VALUE}).")
        int portalSubmissionPort = GatewaySettings.DEFAULT_PORTAL_SUBMISSION_PORT;

        @Option(names = "--no-portal", description = "Do not start the portal in this process (run it on its own instead).")
        boolean noPortal;

        @Option(names = "--shared-backends", description = "Keep the vault and the password-correlation state in the "
                + "shared backends (PostgreSQL and an S3-compatible store, named by the OUTWARD_DB_* and OUTWARD_S3_* "
                + "environment variables), so several gateway and portal nodes work together.")
        boolean sharedBackends;

        @Option(names = "--digest", paramLabel = "daily|weekly", description = "Mail the DPO a digest of the audit trail "
                + "(the policy's notices.dpo-address): daily at 07:00 UTC, or weekly on Mondays. Default: none.")
        String digest;

        @Option(names = "--console-url", paramLabel = "URL", description = "The admin console's address, which the digest "
                + "links to (default: $" + AuditCommand.CONSOLE_URL_ENV + ").")
        String consoleUrl = System.getenv(AuditCommand.CONSOLE_URL_ENV);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<DigestSchedule.Every> every = digestEvery();
            PrintWriter err = spec.commandLine().getErr();
            GatewaySettings settings = settings();
            EmbeddedGateway gateway;
            try {
                gateway = EmbeddedGateway.start(settings);
            } catch (StartupProblem problem) {
                err.println("gateway: cannot start: " + problem.getMessage());
                err.flush();
                return 1;
            }
            Optional<Portal> portal;
            try {
                portal = noPortal ? Optional.empty() : Optional.of(TryOutPortal.start(gateway, portalPort, publicUrl));
            } catch (StartupProblem problem) {
                gateway.close();
                err.println("gateway: cannot start: " + problem.getMessage());
                err.flush();
                return 1;
            }
            Optional<DigestSchedule> digests = every.map(e -> DigestSchedule.start(digestDelivery(gateway), e));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                digests.ifPresent(DigestSchedule::close);
                portal.ifPresent(Portal::close);
                gateway.close();
                out.println("Outward gateway stopped.");
                out.flush();
                stopped.countDown();
            }, "outward-shutdown"));
            printBanner(out, gateway, portal);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        private Optional<DigestSchedule.Every> digestEvery() {
            if (digest == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(DigestSchedule.Every.valueOf(digest.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--digest is daily or weekly, not " + digest);
            }
        }

        /** The running gateway's digest: its audit file, its WebAdmin, its policy, sent through its own SMTP port. */
        private DigestDelivery digestDelivery(EmbeddedGateway gateway) {
            return new DigestDelivery(gateway.auditFile(), Optional.of(URI.create("http://127.0.0.1:" + gateway.webAdminPort())),
                    Optional.ofNullable(System.getenv(AuditCommand.WEBADMIN_TOKEN_ENV)).filter(t -> !t.isBlank()),
                    gateway.settings().policyFile().orElse(null), Optional.ofNullable(consoleUrl).filter(u -> !u.isBlank()),
                    "127.0.0.1", gateway.smtpPort(), Optional.empty(), Optional.empty());
        }

        private GatewaySettings settings() {
            if (relay != null && direct) {
                throw new ParameterException(spec.commandLine(), "choose one of --relay and --direct, not both");
            }
            if (outboundAsConfigured && (relay != null || direct || config == null)) {
                throw new ParameterException(spec.commandLine(),
                        "--outbound-as-configured needs --config, and neither --relay nor --direct");
            }
            if (relay == null && (relayStartTls || relayUser != null)) {
                throw new ParameterException(spec.commandLine(), "--relay-starttls and --relay-user need --relay");
            }
            OutboundRoute route;
            try {
                if (relay != null) {
                    route = OutboundRoute.Relay.parse(relay, relayStartTls, credentials());
                } else if (direct) {
                    route = new OutboundRoute.Direct();
                } else if (outboundAsConfigured) {
                    route = new OutboundRoute.AsConfigured();
                } else {
                    route = new OutboundRoute.TryOut();
                }
                return new GatewaySettings(smtpPort, webAdminPort, Optional.ofNullable(config),
                        work.toAbsolutePath(), route, Optional.ofNullable(policy)).withPortalUrl(publicUrl)
                        .withSharedBackends(sharedBackends).withPortalSubmissionPort(portalSubmissionPort)
                        .withDelayNoticeAfter(delay());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        private Duration delay() {
            try {
                return DurationParser.parse(delayNoticeAfter, ChronoUnit.HOURS);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--delay-notice-after needs a duration such as 4h or 30m, not '"
                        + delayNoticeAfter + "'");
            }
        }

        private Optional<OutboundRoute.Credentials> credentials() {
            if (relayUser == null) {
                return Optional.empty();
            }
            String password = System.getenv(RELAY_PASSWORD_ENV);
            if (password == null || password.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--relay-user needs the password in the environment variable " + RELAY_PASSWORD_ENV);
            }
            return Optional.of(new OutboundRoute.Credentials(relayUser, password));
        }

        private static void printBanner(PrintWriter out, EmbeddedGateway gateway, Optional<Portal> portal) {
            String webAdmin = "http://127.0.0.1:" + gateway.webAdminPort();
            out.println("Outward gateway is running on Apache James 3.8.1.");
            out.println("  SMTP submission : port " + gateway.smtpPort()
                    + " (accepts mail from 127.0.0.1 and the networks in smtpserver.xml)");
            out.println("  WebAdmin        : " + webAdmin + " (this machine only)");
            try {
                gateway.portalListener().ifPresentOrElse(listener -> out.println("  portal listener : 127.0.0.1:"
                        + listener.port() + " (the portal logs in here with " + listener.submissionKey() + ")"),
                        () -> out.println("  portal listener : none in smtpserver.xml: the portal's mail is judged "
                                + "like a member's"));
            } catch (StartupProblem problem) {
                out.println("  portal listener : " + problem.getMessage());
            }
            out.println("  configuration   : " + gateway.configInUse() + " (made from "
                    + gateway.settings().configFolder().map(Path::toString).orElse("the built-in deploy/conf") + ")");
            out.println("  policy          : " + gateway.settings().policyFile().map(Path::toString)
                    .orElse("the default policy (policies/default-policy.yaml)"));
            out.println("  outbound mail   : " + gateway.settings().outbound().describe());
            out.println("  audit trail     : " + gateway.auditFile() + " (reports: gateway audit digest, gateway audit export)");
            if (gateway.settings().outbound() instanceof OutboundRoute.TryOut) {
                out.println("  held mail       : curl " + webAdmin + "/mailRepositories/"
                        + OutboundRoute.TRY_OUT_WEBADMIN_PATH + "/mails");
            }
            portal.ifPresent(p -> {
                out.println("  portal          : http://127.0.0.1:" + p.port() + " (links use " + p.publicBase() + ")");
                if (!gateway.settings().sharedBackends()) {
                    out.println("  vault           : " + TryOutPortal.vaultFolder(gateway));
                }
            });
            if (gateway.settings().sharedBackends()) {
                out.println("  shared backends : " + sharedDescription(gateway));
            }
            out.println("Stop with Ctrl-C.");
            out.flush();
        }

        /** Where the shared backends are, without credentials; they are open by now (the mailets opened them). */
        private static String sharedDescription(EmbeddedGateway gateway) {
            try {
                return gateway.serverState().sharedBackend().sharedBackend().describe();
            } catch (IOException e) {
                return "not reachable (" + e.getMessage() + ")";
            }
        }
    }
}
