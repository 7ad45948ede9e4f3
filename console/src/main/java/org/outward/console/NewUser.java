package org.outward.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The user an {@code add-user} command adds, as a picocli mixin shared by the standalone {@code console add-user}
 * and the embedded gateway's {@code gateway console add-user}: the sign-in name, the role and where the password
 * comes from. Adding gives the user a new TOTP secret and prints it once, with its otpauth URI, to enrol an app.
 */
public final class NewUser {

    /** Shorter passwords are refused: the console guards held mail with personal data. */
    private static final int MIN_PASSWORD = 12;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The sign-in name.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "admin|dpo",
            description = "admin: may release and delete; dpo: may look only.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input "
            + "instead of asking.")
    boolean passwordStdin;

    /**
     * Adds (or replaces) the user in {@code file}. A wrong role, a short password or a name the file refuses is a
     * usage error of the command, with its usage.
     */
    public int addTo(UsersFile file) throws IOException {
        CommandLine commandLine = spec.commandLine();
        Role chosen;
        try {
            chosen = Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--role is admin or dpo");
        }
        char[] password = password();
        try {
            if (password.length < MIN_PASSWORD) {
                throw new CommandLine.ParameterException(commandLine,
                        "the password needs at least " + MIN_PASSWORD + " characters");
            }
            String secret = Totp.newSecret();
            try {
                file.put(new Account(name, chosen, PasswordHash.of(password), secret));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, e.getMessage());
            }
            PrintWriter out = commandLine.getOut();
            out.println("Added " + name + " (" + chosen.word() + ") to " + file.path() + ".");
            out.println("TOTP secret (enter it in an authenticator app): " + secret);
            out.println("otpauth URI: " + Totp.uri("Outward", name, secret));
            out.flush();
            return 0;
        } finally {
            Arrays.fill(password, ' ');
        }
    }

    private char[] password() throws IOException {
        java.io.Console terminal = System.console();
        if (!passwordStdin && terminal != null) {
            char[] first = terminal.readPassword("Password: ");
            char[] second = terminal.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new IOException("the passwords differ");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
