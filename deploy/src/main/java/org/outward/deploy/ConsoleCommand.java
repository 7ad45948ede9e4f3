package org.outward.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outward.console.Console;
import org.outward.console.ConsoleConfig;
import org.outward.console.ConsoleOptions;
import org.outward.console.NewUser;
import org.outward.console.UsersFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code gateway console}: the admin console next to the embedded gateway, on 127.0.0.1, talking to its WebAdmin;
 * its users live in the gateway's working folder, and its audit events go into the gateway's own audit file there.
 * {@code gateway console add-user} adds a user.
 */
@Command(name = "console", mixinStandardHelpOptions = true, version = "Outward 0.1.0-SNAPSHOT",
        description = {"Start the admin console for the gateway's held mail, on 127.0.0.1 (management side only).",
                "Add a user first: gateway console add-user NAME --role admin"},
        subcommands = {ConsoleCommand.AddUser.class})
final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--work", paramLabel = "DIR", scope = ScopeType.INHERIT, description = "The gateway's working "
            + "folder; users in DIR/console/users, audit events in the gateway's own trail, DIR/logs/outward-audit.jsonl "
            + "(default: ${DEFAULT-VALUE}).")
    Path work = Path.of("outward-work");

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = ConsoleConfig.DEFAULT_PORT;

    @Option(names = "--webadmin-port", paramLabel = "N", description = "The gateway's WebAdmin port on 127.0.0.1 "
            + "(default: ${DEFAULT-VALUE}).")
    int webAdminPort = GatewaySettings.DEFAULT_WEBADMIN_PORT;

    /** {@code --webadmin-token}, {@code --vault} (default here: the working folder's, DIR/vault), {@code --oidc}. */
    @CommandLine.Mixin
    ConsoleOptions options = new ConsoleOptions();

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file the gateway enforces (the one of "
            + "gateway run --policy): an admin can then turn a false-positive report into an exception in it, after "
            + "the checks of policy check and policy test.")
    Path policy;

    @Option(names = "--policy-tests", paramLabel = "DIR", description = "The policy's own test cases (a folder with "
            + "its manifest, as for policy test), which must still agree before an exception is written.")
    Path policyTests;

    @Option(names = "--manifest", paramLabel = "NAME", description = "The manifest in --policy-tests (default: "
            + "${DEFAULT-VALUE}).")
    String manifest = Manifest.DEFAULT_NAME;

    @Option(names = "--notices", paramLabel = "DIR", description = "The notice templates the gateway sends, checked "
            + "with the policy (default: the built-in ones).")
    Path notices;

    @Spec
    CommandSpec spec;

    /**
     * The gateway's audit file, so that the digest and the incident export see what admins did, and the statistics
     * page counts what the gateway judged.
     */
    private Path auditFile() throws IOException {
        Path file = AuditFile.in(work);
        Files.createDirectories(file.getParent());
        return file;
    }

    static Path users(Path work) {
        return work.resolve("console").resolve("users");
    }

    @Override
    public Integer call() throws Exception {
        Path folder = work.resolve("console");
        Files.createDirectories(folder);
        PrintWriter out = spec.commandLine().getOut();
        ConsoleConfig config = options.applyTo(ConsoleConfig.local(port, URI.create("http://127.0.0.1:"
                + webAdminPort), options.webAdminToken(), users(work), Optional.of(auditFile())),
                Optional.of(work.resolve("vault").toString()));
        if (config.oidc().isEmpty() && new UsersFile(users(work)).read().isEmpty()) {
            out.println("No console users yet: add one with  deploy/gateway console add-user NAME --role admin");
        }
        if (policy != null) {
            config = config.withPolicy(new EngineDesk(policy, Optional.ofNullable(policyTests), manifest,
                    Optional.ofNullable(notices)));
        }
        Console console = options.start(config, Clock.systemUTC());
        out.println("Outward admin console: http://127.0.0.1:" + console.port() + " (WebAdmin 127.0.0.1:"
                + webAdminPort + ", users " + users(work) + "). Stop with Ctrl-C.");
        out.flush();
        console.serveUntilStopped();
        return 0;
    }

    /** {@code gateway console add-user NAME --role admin|dpo}. */
    @Command(name = "add-user", mixinStandardHelpOptions = true, description = "Add a console user (or replace one of "
            + "the same name): asks for the password, prints the TOTP secret and otpauth URI for an authenticator app.")
    static final class AddUser implements Callable<Integer> {

        @CommandLine.ParentCommand
        ConsoleCommand parent;

        @Mixin
        NewUser user;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(users(parent.work).getParent());
            return user.addTo(new UsersFile(users(parent.work)));
        }
    }
}
