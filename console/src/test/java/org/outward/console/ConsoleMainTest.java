package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The standalone console's command line: settings that cannot work stop the start with a usage error naming the
 * option, before any port is bound, as {@code gateway console} does with the same options; {@code add-user} adds a
 * user with its role and refuses a short password.
 */
class ConsoleMainTest {

    @TempDir
    Path folder;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ConsoleMain());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void oidcSettingsThatCannotWorkAreAUsageErrorWithTheReason() throws Exception {
        Path settings = folder.resolve("oidc.properties");
        Files.writeString(settings, String.join("\n",
                "entra.issuer=https://login.microsoftonline.com/common/v2.0",
                "entra.client-id=3f0e6c1a",
                "entra.client-secret-file=entra-secret",
                "entra.redirect-uri=https://console.party.example/signin/oidc/callback",
                "user.alice@party.example=admin"));
        Files.writeString(folder.resolve("entra-secret"), "a-secret\n");

        assertThat(run("--users", folder.resolve("users").toString(), "--port", "0", "--oidc", settings.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--oidc: entra.issuer").contains("entra.tenant-id")
                .contains("Usage: console").doesNotContain("a-secret");
    }

    @Test
    void aVaultSettingThatNamesNothingIsAUsageError() {
        assertThat(run("--users", folder.resolve("users").toString(), "--port", "0", "--vault", "local:")).isEqualTo(2);
        assertThat(err.toString()).contains("--vault: a vault setting is local:<folder> or shared");
    }

    @Test
    void addUserWritesTheUserWithItsRoleAndPrintsTheSecretOnce() throws Exception {
        Path users = folder.resolve("users");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ConsoleMain());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("twelve chars at least\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(command.execute("--users", users.toString(), "add-user", "ann", "--role", "admin",
                    "--password-stdin")).isEqualTo(0);
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(command.execute("--users", users.toString(), "add-user", "bob", "--role", "admin",
                    "--password-stdin")).isEqualTo(2);
        } finally {
            System.setIn(stdin);
        }
        Account ann = new UsersFile(users).find("ann").orElseThrow();
        assertThat(ann.role()).isEqualTo(Role.ADMIN);
        assertThat(PasswordHash.matches("twelve chars at least".toCharArray(), ann.passwordHash())).isTrue();
        assertThat(out.toString()).contains("otpauth://totp/Outward:ann?secret=" + ann.totpSecret());
        assertThat(new UsersFile(users).find("bob")).isEmpty();
        assertThat(err.toString()).contains("the password needs at least 12 characters").contains("Usage: console add-user");
    }
}
