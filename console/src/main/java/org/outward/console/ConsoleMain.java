package org.outward.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;


import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The sign-in name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "admin|dpo", description = "admin: may release and "
                + "delete; dpo: may look only.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input "
                + "instead of asking.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            return addUser(new UsersFile(parent.users), name, role, passwordStdin, spec.commandLine());
        }
    }

    /**
     * Adds (or replaces) a user with a new TOTP secret and prints the secret and its otpauth URI.
     *
     * @param fromStdin   read the password from standard input's first line rather than asking on the terminal
     * @param commandLine the command whose usage a wrong role or a short password is reported against
     */
    public static int addUser(UsersFile file, String name, String roleWord, boolean fromStdin, CommandLine commandLine)
            throws IOException {
        Role role;
        try {
            role = Role.of(roleWord);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--role is admin or dpo");
        }
        char[] password = password(fromStdin);
        if (password.length < 12) {
            throw new CommandLine.ParameterException(commandLine, "the password needs at least 12 characters");
        }
        String secret = Totp.newSecret();
        try {
            file.put(new Account(name, role, PasswordHash.of(password), secret));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        java.util.Arrays.fill(password, ' ');
        PrintWriter out = commandLine.getOut();
        out.println("Added " + name + " (" + role.word() + ") to " + file.path() + ".");
        out.println("TOTP secret (enter it in an authenticator app): " + secret);
        out.println("otpauth URI: " + Totp.uri("Outward", name, secret));
        out.flush();
        return 0;
    }

    private static char[] password(boolean fromStdin) throws IOException {
        java.io.Console terminal = System.console();
        if (!fromStdin && terminal != null) {
            char[] first = terminal.readPassword("Password: ");
            char[] second = terminal.readPassword("Again: ");
            if (first == null || !java.util.Arrays.equals(first, second)) {
                throw new IOException("the passwords differ");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
