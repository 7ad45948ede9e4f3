package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.console.Console;
import org.outward.console.ConsoleClient;
import org.outward.console.ConsoleConfig;

/**
 * The console's {@code GET /healthz}, which the compose files' health check asks without signing in: 200 while the
 * real gateway's WebAdmin answers and the audit file can be appended to, 503 when WebAdmin is not there or the
 * audit file cannot be written, and in either case a bare word that says nothing about the gateway or the mail.
 */
class ConsoleHealthTest {

    @TempDir
    static Path work;

    static ConsoleGateway on;

    @BeforeAll
    static void start() throws Exception {
        on = new ConsoleGateway(work);
    }

    @AfterAll
    static void stop() {
        if (on != null) {
            on.close();
        }
    }

    @Test
    void healthyWithoutASignInAndSayingNothingElse() throws Exception {
        HttpResponse<String> health = new ConsoleClient(on.console.port()).get("/healthz");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("healthy\n");
        assertThat(health.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void unhealthyWhenWebAdminDoesNotAnswer() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + FreePort.find());
        try (Console console = console(nobody, Optional.of(work.resolve("audit-1.jsonl")))) {
            HttpResponse<String> health = new ConsoleClient(console.port()).get("/healthz");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("unhealthy\n");
        }
    }

    @Test
    void unhealthyWhenTheAuditFileCannotBeWritten() throws Exception {
        Path folderInTheWay = Files.createDirectories(work.resolve("audit-is-a-folder.jsonl"));
        Path noFolder = work.resolve("no-such-folder/audit.jsonl");
        for (Path audit : new Path[] {folderInTheWay, noFolder}) {
            try (Console console = console(webAdmin(), Optional.of(audit))) {
                HttpResponse<String> health = new ConsoleClient(console.port()).get("/healthz");

                assertThat(health.statusCode()).as(audit.toString()).isEqualTo(503);
                assertThat(health.body()).isEqualTo("unhealthy\n");
            }
        }
        try (Console console = console(webAdmin(), Optional.of(work.resolve("audit-2.jsonl")))) {
            assertThat(new ConsoleClient(console.port()).get("/healthz").statusCode()).as("a file not there yet")
                    .isEqualTo(200);
        }
    }

    private static URI webAdmin() {
        return URI.create("http://127.0.0.1:" + on.gateway.webAdminPort());
    }

    private static Console console(URI webAdmin, Optional<Path> audit) throws Exception {
        return Console.start(ConsoleConfig.local(0, webAdmin, Optional.empty(), work.resolve("console-users"), audit),
                Clock.systemUTC());
    }
}
