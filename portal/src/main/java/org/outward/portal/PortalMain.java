package org.outward.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.outward.shared.SharedBackends;
import org.outward.shared.VaultSetting;
import org.outward.submission.PortalCredential;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portal}: runs the recipients' portal as its own process, apart from the mail server. */
@Command(name = "portal", mixinStandardHelpOptions = true, version = "Outward portal 0.1.0-SNAPSHOT",
        description = "The Outward secure-link portal: recipients prove they own the address and download files from the vault.")
public final class PortalMain implements Callable<Integer> {

    @Option(names = "--vault", required = true, paramLabel = "local:DIR|shared", description = "The vault the gateway "
            + "writes to: a folder (local:DIR or DIR) for one node, or 'shared' for the shared backends of several "
            + "nodes (outward-backends on the class path, settings in OUTWARD_DB_* and OUTWARD_S3_* variables).")
    String vault;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = PortalConfig.DEFAULT_PORT;

    @Option(names = "--public-url", paramLabel = "URL", description = "The URL recipients use (default: ${DEFAULT-VALUE}).")
    URI publicUrl = PortalConfig.DEFAULT_PUBLIC_BASE;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Where the portal's mail is submitted: the "
            + "gateway's portal listener with --submission-key (default 127.0.0.1:2526), else a port where it is "
            + "judged like a member's (default 127.0.0.1:2525).")
    String smtp;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "From address of code mail (default: ${DEFAULT-VALUE}).")
    String from = "secure-links@localhost";

    @Option(names = "--submission-key", paramLabel = "FILE", description = "The gateway's submission key (the "
            + "keyFile of its portal listener, mode 600): the portal logs in with it on the listener given by --smtp, "
            + "and its mail goes out unjudged. Without it, the portal's mail is submitted like any member's and judged.")
    Path submissionKey;

    @Option(names = "--portal-key", paramLabel = "FILE", description = "The portal's own secret key (made, mode 600, "
            + "if missing): one-time codes are stored only as an HMAC under it. Required with --vault shared, where "
            + "every portal node needs a copy of the same file; without it a local portal uses a key of its own "
            + "for as long as it runs.")
    Path portalKey;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR", description = "A reverse proxy (address or CIDR block; "
            + "repeatable) whose forwarding header names the client for the rate limits. Default: none, the TCP "
            + "peer is the client.")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--operations", paramLabel = "HOST:PORT", description = "Serve GET /healthz (vault and code "
            + "store reachable: 200, else 503) and GET /metrics (Prometheus) on this address, which the reverse proxy "
            + "must not forward. Default: not served.")
    String operations;

    @Option(names = "--client-header", paramLabel = "X-Forwarded-For|Forwarded", description = "The header the "
            + "trusted proxies append the client's address to (default: ${DEFAULT-VALUE}).")
    String clientHeader = "X-Forwarded-For";

    public static void main(String[] args) {
        System.exit(new CommandLine(new PortalMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (smtp == null) {
            smtp = submissionKey == null ? "127.0.0.1:2525" : "127.0.0.1:2526";
        }
        int colon = smtp.lastIndexOf(':');
        if (colon <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--smtp must be HOST:PORT");
        }
        Clock clock = Clock.systemUTC();
        Optional<PortalCredential> login;
        try {
            login = submissionKey == null ? Optional.empty() : Optional.of(PortalCredential.load(submissionKey));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--submission-key: " + e.getMessage());
        }
        VaultSetting setting;
        try {
            setting = VaultSetting.parse(vault);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--vault: " + e.getMessage());
        }
        if (setting.shared() && portalKey == null) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--vault shared needs --portal-key: every portal node must hold the same key file");
        }
        // In memory, codes last as long as the process, so a key of the process's own protects them as well.
        PortalKey key = portalKey == null ? PortalKey.random() : PortalKey.loadOrCreate(portalKey);
        PortalConfig config;
        try {
            config = PortalConfig.of(bind, port, publicUrl)
                    .withProxies(ProxyTrust.of(trustedProxies, ProxyTrust.Header.parse(clientHeader)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        // Several portal nodes share codes, tries, sessions and the CSRF key along with the vault.
        PortalState state = setting.shared() ? sharedState(config.limits(), clock, key)
                : PortalState.inMemory(config.limits(), clock, key);
        Portal portal = Portal.start(config, setting.open(clock, SharedBackends.fromEnvironment()), state,
                new SmtpCodeSender(smtp.substring(0, colon), Integer.parseInt(smtp.substring(colon + 1)), from, login),
                new SmtpDownloadNotifier(smtp.substring(0, colon), Integer.parseInt(smtp.substring(colon + 1)), from, login),
                ReportsInVault.open(setting, SharedBackends.fromEnvironment()), clock);
        PortalOperations operationsListener = operations == null ? null
                : PortalOperations.start(socketAddress(operations), portal);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (operationsListener != null) {
                operationsListener.close();
            }
            portal.close();
            stopped.countDown();
        }, "outward-portal-shutdown"));
        System.out.println("Outward portal on " + bind + ":" + portal.port() + ", links use " + publicUrl + ", vault "
                + setting + ". Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }

    private java.net.InetSocketAddress socketAddress(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try {
            return new java.net.InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--operations must be HOST:PORT");
        }
    }

    private static PortalState sharedState(PortalConfig.Limits limits, Clock clock, PortalKey key) throws IOException {
        for (PortalState.Provider provider : ServiceLoader.load(PortalState.Provider.class,
                PortalMain.class.getClassLoader())) {
            return provider.open(limits, clock, key);
        }
        throw new IOException("--vault shared needs outward-backends on the class path");
    }
}
