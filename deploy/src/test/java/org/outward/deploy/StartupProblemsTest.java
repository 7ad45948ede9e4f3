package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad configuration stops start-up with one line that says what is wrong and where. */
class StartupProblemsTest {

    @TempDir
    Path temp;

    @Test
    void unknownMailetClassIsNamedWithItsFile() throws Exception {
        Path config = copyOfBuiltInConfig();
        Path mailets = config.resolve("mailetcontainer.xml");
        Files.writeString(mailets, Files.readString(mailets)
                .replace("class=\"org.outward.james.Inspect\"", "class=\"org.outward.james.NoSuchMailet\""));

        assertThatThrownBy(() -> startWith(Optional.of(config), 0))
                .isInstanceOf(StartupProblem.class)
                .satisfies(e -> assertOneLine(e.getMessage()))
                .hasMessageContaining("org.outward.james.NoSuchMailet")
                .hasMessageContaining(mailets.toString());
    }

    @Test
    void misspeltMailetParameterStopsStartUpNamingTheMailetAndTheParameter() throws Exception {
        Path config = copyOfBuiltInConfig();
        Path mailets = config.resolve("mailetcontainer.xml");
        String xml = Files.readString(mailets);
        String withTypo = xml.replaceFirst("<verdictHeader>", "<polcy>/etc/outward/policy.yaml</polcy>\n      <verdictHeader>");
        assertThat(withTypo).as("the built-in Inspect mailet names its verdict header").isNotEqualTo(xml);
        Files.writeString(mailets, withTypo);

        assertThatThrownBy(() -> startWith(Optional.of(config), 0))
                .isInstanceOf(StartupProblem.class)
                .satisfies(e -> assertOneLine(e.getMessage()))
                .hasMessageContaining("Inspect")
                .hasMessageContaining("<polcy>")
                .hasMessageContaining("<policy>");
    }

    @Test
    void smtpPortInUseIsNamedWithTheOptionToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> startWith(Optional.empty(), port))
                    .isInstanceOf(StartupProblem.class)
                    .satisfies(e -> assertOneLine(e.getMessage()))
                    .hasMessageContaining("SMTP port " + port)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("--smtp-port");
        }
    }

    @Test
    void missingConfigFolderIsNamed() {
        Path missing = temp.resolve("no-such-folder");

        assertThatThrownBy(() -> startWith(Optional.of(missing), 0))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("configuration folder " + missing + " does not exist");
    }

    @Test
    void aFileGivenAsConfigFolderIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("mailetcontainer.xml"), "<mailetcontainer/>");

        assertThatThrownBy(() -> startWith(Optional.of(file), 0))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("configuration folder " + file + " is not a folder");
    }

    @Test
    void configFolderWithoutMailetContainerIsRefused() throws Exception {
        Path config = copyOfBuiltInConfig();
        Files.delete(config.resolve("mailetcontainer.xml"));

        assertThatThrownBy(() -> startWith(Optional.of(config), 0))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("configuration folder " + config + " has no mailetcontainer.xml");
    }

    @Test
    void malformedXmlIsReportedWithLineAndColumn() throws Exception {
        Path config = copyOfBuiltInConfig();
        Files.writeString(config.resolve("smtpserver.xml"), "<smtpservers>\n  <smtpserver>\n</smtpservers>\n");

        assertThatThrownBy(() -> startWith(Optional.of(config), 0))
                .isInstanceOf(StartupProblem.class)
                .satisfies(e -> assertOneLine(e.getMessage()))
                .hasMessageStartingWith(config.resolve("smtpserver.xml") + ":3:")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void configWithoutOutboundProcessorIsRefused() throws Exception {
        Path config = copyOfBuiltInConfig();
        Path mailets = config.resolve("mailetcontainer.xml");
        Files.writeString(mailets, Files.readString(mailets).replace("state=\"outbound\"", "state=\"elsewhere\""));

        assertThatThrownBy(() -> startWith(Optional.of(config), 0))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("has no <processor state=\"outbound\">");
    }

    @Test
    void brokenPolicyStopsStartUpWithItsFirstProblem() throws Exception {
        Path policy = Files.writeString(temp.resolve("policy.yaml"),
                "version: 1\nrules:\n  - id: a\n    when: {finding: pasword}\n    action: blok\n");

        assertThatThrownBy(() -> {
            try (EmbeddedGateway gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(),
                    temp.resolve("work"), new OutboundRoute.TryOut(), Optional.of(policy)))) {
                throw new AssertionError("the gateway started, but should not have");
            }
        }).isInstanceOf(StartupProblem.class)
                .satisfies(e -> assertOneLine(e.getMessage()))
                .hasMessageStartingWith("policy " + policy + ":4:21: rule 'a'.when.finding must be one of")
                .hasMessageEndingWith("(and 1 more: deploy/gateway policy check " + policy + ")");
    }

    private void startWith(Optional<Path> config, int smtpPort) throws StartupProblem {
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new GatewaySettings(smtpPort, 0, config,
                temp.resolve("work"), new OutboundRoute.TryOut()))) {
            throw new AssertionError("the gateway started, but should not have");
        }
    }

    /** The built-in configuration, as {@code deploy/conf} in the source tree holds it. */
    private Path copyOfBuiltInConfig() throws IOException {
        Path source = Path.of("conf");
        Path copy = Files.createDirectories(temp.resolve("config"));
        try (var files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static void assertOneLine(String message) {
        assertThat(message).doesNotContain("\n").hasSizeLessThan(600);
    }
}
