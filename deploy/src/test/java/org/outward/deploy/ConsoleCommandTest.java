package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.console.Account;
import org.outward.console.PasswordHash;
import org.outward.console.Role;
import org.outward.console.Totp;
import org.outward.console.UsersFile;

import picocli.CommandLine;

/** {@code gateway console add-user}: a user in the working folder's users file, and the secret printed once. */
class ConsoleCommandTest {

    @TempDir
    Path work;

    @Test
    void addUserWritesTheUserAndPrintsASecretThatSignsIn() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = GatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        InputStream stdin = System.in;
        int exit;
        try {
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            exit = command.execute("console", "--work", work.toString(), "add-user", "dee", "--role", "dpo",
                    "--password-stdin");
        } finally {
            System.setIn(stdin);
        }

        assertThat(exit).isEqualTo(0);
        Matcher secret = Pattern.compile("TOTP secret \\(enter it in an authenticator app\\): ([A-Z2-7]+)").matcher(out.toString());
        assertThat(secret.find()).as(out.toString()).isTrue();
        assertThat(out.toString()).contains("otpauth://totp/Outward:dee?secret=" + secret.group(1));
        Account dee = new UsersFile(work.resolve("console").resolve("users")).find("dee").orElseThrow();
        assertThat(dee.role()).isEqualTo(Role.DPO);
        assertThat(PasswordHash.matches("a long enough password".toCharArray(), dee.passwordHash())).isTrue();
        assertThat(Totp.step(dee.totpSecret(), Totp.code(secret.group(1), Instant.now()), Instant.now())).isPresent();
    }

    @Test
    void aShortPasswordOrAnUnknownRoleIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine command = GatewayCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(command.execute("console", "--work", work.toString(), "add-user", "dee", "--role", "dpo",
                    "--password-stdin")).isEqualTo(2);
            assertThat(command.execute("console", "--work", work.toString(), "add-user", "dee", "--role", "root",
                    "--password-stdin")).isEqualTo(2);
        } finally {
            System.setIn(stdin);
        }
        assertThat(err.toString()).contains("at least 12 characters").contains("--role is admin or dpo");
    }

    @Test
    void oidcSettingsThatCannotWorkStopTheStartWithTheReason() throws Exception {
        Path settings = work.resolve("console-oidc.properties");
        java.nio.file.Files.writeString(settings, String.join("\n",
                "entra.issuer=https://login.microsoftonline.com/common/v2.0",
                "entra.client-id=3f0e6c1a",
                "entra.client-secret-file=entra-secret",
                "entra.redirect-uri=https://console.party.example/signin/oidc/callback",
                "user.alice@party.example=admin"));
        java.nio.file.Files.writeString(work.resolve("entra-secret"), "a-secret\n");
        StringWriter err = new StringWriter();
        CommandLine command = GatewayCommand.commandLine();
        command.setErr(new PrintWriter(err, true));

        assertThat(command.execute("console", "--work", work.toString(), "--port", "0", "--oidc", settings.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--oidc: entra.issuer").contains("any Microsoft tenant")
                .contains("entra.tenant-id");
    }
}
