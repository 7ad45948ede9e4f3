package org.outward.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as an admin runs it, {@code gateway run}, in a process of its own that a test can kill:
 * the same main class and class path as {@code deploy/gateway}, its ports chosen by the operating system
 * and read back from the banner it prints. Everything it prints goes to a log file beside its work folder.
 */
final class ChildGateway implements AutoCloseable {

    private static final Pattern SMTP = Pattern.compile("SMTP submission : port (\\d+)");
    private static final Pattern WEBADMIN = Pattern.compile("WebAdmin +: http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int smtpPort;
    private final int webAdminPort;

    private ChildGateway(Process process, int smtpPort, int webAdminPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.webAdminPort = webAdminPort;
    }

    /** Starts {@code gateway run --work WORK --relay 127.0.0.1:RELAY --no-portal} and waits for its banner. */
    static ChildGateway start(Path work, int relayPort, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolveSibling(work.getFileName() + "-tmp")),
                "-Djames.exit.on.startup.error=false",
                "-cp", System.getProperty("java.class.path"),
                GatewayCommand.class.getName(), "run",
                "--smtp-port", "0", "--webadmin-port", "0", "--no-portal",
                "--relay", "127.0.0.1:" + relayPort,
                "--work", work.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<int[]> ports = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, ports), "child-gateway-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int[] found = ports.get(120, TimeUnit.SECONDS);
            return new ChildGateway(process, found[0], found[1]);
        } catch (TimeoutException | RuntimeException e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the gateway did not print its banner; see " + log, e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<int[]> ports) {
        int smtp = -1;
        int webAdmin = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                Matcher m = SMTP.matcher(line);
                if (m.find()) {
                    smtp = Integer.parseInt(m.group(1));
                }
                m = WEBADMIN.matcher(line);
                if (m.find()) {
                    webAdmin = Integer.parseInt(m.group(1));
                }
                if (line.startsWith("Stop with Ctrl-C.") && smtp > 0 && webAdmin > 0) {
                    ports.complete(new int[] {smtp, webAdmin});
                }
            }
        } catch (IOException e) {
            ports.completeExceptionally(e);
        }
        ports.completeExceptionally(new IllegalStateException("the gateway exited with " + exitValue(process)));
    }

    private static String exitValue(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    int smtpPort() {
        return smtpPort;
    }

    int webAdminPort() {
        return webAdminPort;
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not die after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
