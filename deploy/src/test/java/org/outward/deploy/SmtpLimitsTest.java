package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Nobody can fill the gateway's disk or take all its connections through port 25: every listener the project
 * ships has a maximum message size and connection limits, and the built-in gateway enforces them over real SMTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpLimitsTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Pattern SERVER = Pattern.compile("<smtpserver\\b.*?</smtpserver>", Pattern.DOTALL);
    /** The per-address limit of the built-in configuration's first listener. */
    private static final int PER_ADDRESS = 50;

    @TempDir
    static Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;

    @BeforeAll
    void start() throws Exception {
        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(work, outside);
    }

    @AfterAll
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void everyShippedListenerHasASizeLimitAndConnectionLimits() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(REPO.resolve("deploy"))) {
            walk.filter(p -> p.getFileName().toString().equals("smtpserver.xml") && !p.toString().contains("target"))
                    .forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            Matcher server = SERVER.matcher(Files.readString(file));
            int servers = 0;
            while (server.find()) {
                servers++;
                String xml = server.group();
                for (String limit : List.of("connectionLimit", "connectionLimitPerIP", "maxmessagesize")) {
                    Matcher value = Pattern.compile("<" + limit + ">(\\d+)</" + limit + ">").matcher(xml);
                    assertThat(value.find()).as(file + ": " + limit).isTrue();
                    assertThat(Long.parseLong(value.group(1))).as(file + ": " + limit + " (0 is no limit)")
                            .isPositive();
                }
                Matcher size = Pattern.compile("<maxmessagesize>(\\d+)</maxmessagesize>").matcher(xml);
                size.find();
                assertThat(Long.parseLong(size.group(1))).as(file + ": at most 50 MiB").isLessThanOrEqualTo(51200);
            }
            assertThat(servers).as(file + " has listeners").isPositive();
        }
    }

    @Test
    void aMessageLargerThanTheLimitIsRefusedBeforeItsDataIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.smtpPort())) {
            BufferedReader in = reader(socket);
            Writer out = writer(socket);
            assertThat(reply(in)).startsWith("220");
            out.write("EHLO client.test\r\n");
            out.flush();
            assertThat(reply(in)).contains("SIZE 52428800");
            out.write("MAIL FROM:<sam.volunteer@party.example> SIZE=60000000\r\n");
            out.flush();
            assertThat(reply(in)).startsWith("552");
        }
    }

    @Test
    void oneAddressCannotTakeEveryConnection() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                Socket socket = new Socket("127.0.0.1", gateway.smtpPort());
                held.add(socket);
                assertThat(reply(reader(socket))).as("connection " + (i + 1)).startsWith("220");
            }
            try (Socket oneMore = new Socket("127.0.0.1", gateway.smtpPort())) {
                oneMore.setSoTimeout(10_000);
                assertThat(new BufferedReader(new InputStreamReader(oneMore.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine()).as("closed without a greeting").isNull();
            }
            held.remove(0).close();
            Thread.sleep(500);
            try (Socket again = new Socket("127.0.0.1", gateway.smtpPort())) {
                assertThat(reply(reader(again))).as("served again once one closed").startsWith("220");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static Writer writer(Socket socket) throws IOException {
        return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
    }

    private static String reply(BufferedReader in) throws IOException {
        return SmtpReplies.read(in);
    }
}
