package org.outward.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;


import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console}: runs the admin console as its own process on the management side, or adds a user to its users
 * file ({@code console add-user}).
 */
@Command(name = "console", mixinStandardHelpOptions = true, version = "Outward console 0.1.0-SNAPSHOT",
        description = "The Outward admin console: held mail for the admin and the DPO, through James WebAdmin.",
        subcommands = {ConsoleMain.AddUser.class})
public final class ConsoleMain implements Callable<Integer> {

    @Option(names = "--users", required = true, paramLabel = "FILE", description = "The users file (console add-user writes it).")
    Path users;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on; keep it on the management "
            + "side, never the portal's (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = ConsoleConfig.DEFAULT_PORT;

    @Option(names = "--webadmin", paramLabel = "URL", description = "James WebAdmin (default: ${DEFAULT-VALUE}).")
    URI webAdmin = URI.create("http://127.0.0.1:8000");

    @Option(names = "--audit", paramLabel = "FILE", description = "The gateway's audit file: admin events are "
            + "appended to it, and the statistics page counts from it and its rolled-over days (without it, admin "
            + "events go to the log on org.outward.audit and there are no statistics).")
    Path audit;

    @CommandLine.Mixin
    ConsoleOptions options = new ConsoleOptions();

    @Option(names = "--secure", description = "Browsers reach the console over HTTPS (a proxy in front): Secure cookies and HSTS.")
    boolean secure;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConsoleMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ConsoleConfig config = options.applyTo(new ConsoleConfig(new InetSocketAddress(bind, port), secure, webAdmin,
                options.webAdminToken(), users, Optional.ofNullable(audit), ConsoleConfig.HELD, Optional.empty()),
                Optional.empty());
        if (config.oidc().isEmpty() && new UsersFile(users).read().isEmpty()) {
            System.err.println("console: no users in " + users + " yet: add one with 'console add-user NAME --role admin'");
        }
        Console console = options.start(config, Clock.systemUTC());
        System.out.println("Outward console on http://" + bind + ":" + console.port() + " (WebAdmin " + webAdmin
                + "). Stop with Ctrl-C.");
        console.serveUntilStopped();
        return 0;
    }

    /** {@code console add-user}: a user with a password and a new TOTP secret, printed once to enrol an app. */
    @Command(name = "add-user", mixinStandardHelpOptions = true, description = "Adds a user (or replaces one of the "
            + "same name) and prints the TOTP secret and otpauth URI for an authenticator app.")
    static final class AddUser implements Callable<Integer> {

        @CommandLine.ParentCommand
        ConsoleMain parent;

        @Mixin
        NewUser user;

        @Override
        public Integer call() throws IOException {
            return user.addTo(new UsersFile(parent.users));
        }
    }
}
