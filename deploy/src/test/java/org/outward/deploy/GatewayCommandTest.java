package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The launcher's own answers: exit codes and the one line it prints when it cannot start. */
class GatewayCommandTest {

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = GatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void portInUseExitsWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            int port = taken.getLocalPort();

            int exit = run("run", "--smtp-port", Integer.toString(port), "--webadmin-port", "0",
                    "--work", work.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("gateway: cannot start: SMTP port " + port
                    + " on 0.0.0.0 is already in use by another program: stop it or choose another port with --smtp-port");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void unreadableConfigFolderExitsWithOneClearLine() {
        Path missing = work.resolve("nowhere");

        int exit = run("run", "--config", missing.toString(), "--work", work.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("gateway: cannot start: configuration folder " + missing + " does not exist");
    }

    @Test
    void relayWithoutPortIsAUsageError() {
        int exit = run("run", "--relay", "smtp.example.org", "--work", work.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--relay needs HOST:PORT, e.g. smtp.example.org:587, not 'smtp.example.org'");
    }

    @Test
    void aDelayNoticeWaitThatIsNotADurationIsAUsageError() {
        int exit = run("run", "--relay", "smtp.example.org:25", "--delay-notice-after", "soon", "--work", work.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--delay-notice-after needs a duration such as 4h or 30m, not 'soon'");
    }

    @Test
    void relayAndDirectTogetherIsAUsageError() {
        int exit = run("run", "--relay", "smtp.example.org:25", "--direct", "--work", work.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("choose one of --relay and --direct, not both");
    }

    @Test
    void relayLoginNeedsThePasswordInTheEnvironment() {
        // The test JVM does not set OUTWARD_RELAY_PASSWORD, so the launcher must refuse rather than log in blank.
        int exit = run("run", "--relay", "smtp.example.org:587", "--relay-user", "gateway", "--work", work.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--relay-user needs the password in the environment variable OUTWARD_RELAY_PASSWORD");
    }

    @Test
    void outboundAsConfiguredNeedsAConfigFolderAndNoOtherRoute() {
        assertThat(run("run", "--outbound-as-configured", "--work", work.toString())).as("no --config").isEqualTo(2);
        assertThat(run("run", "--outbound-as-configured", "--config", work.toString(), "--direct", "--work",
                work.toString())).as("and --direct").isEqualTo(2);
        assertThat(err.toString()).contains("--outbound-as-configured needs --config, and neither --relay nor --direct");
    }
}
