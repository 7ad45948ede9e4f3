package org.outward.portal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.outward.vault.LocalDiskVault;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portal}: runs the recipients' portal as its own process, apart from the mail server. */
@Command(name = "portal", mixinStandardHelpOptions = true, version = "Outward portal 0.1.0-SNAPSHOT",
        description = "The Outward secure-link portal: recipients prove they own the address and download files from the vault.")
public final class PortalMain implements Callable<Integer> {

    @Option(names = "--vault", required = true, paramLabel = "DIR", description = "The vault folder the gateway writes to.")
    Path vault;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = PortalConfig.DEFAULT_PORT;

    @Option(names = "--public-url", paramLabel = "URL", description = "The URL recipients use (default: ${DEFAULT-VALUE}).")
    URI publicUrl = PortalConfig.DEFAULT_PUBLIC_BASE;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Where codes are submitted: the gateway (default: ${DEFAULT-VALUE}).")
    String smtp = "127.0.0.1:2525";

    @Option(names = "--from", paramLabel = "ADDRESS", description = "From address of code mail (default: ${DEFAULT-VALUE}).")
    String from = "secure-links@localhost";

    public static void main(String[] args) {
        System.exit(new CommandLine(new PortalMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        int colon = smtp.lastIndexOf(':');
        if (colon <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--smtp must be HOST:PORT");
        }
        Clock clock = Clock.systemUTC();
        Portal portal = Portal.start(PortalConfig.of(bind, port, publicUrl), new LocalDiskVault(vault, clock),
                new SmtpCodeSender(smtp.substring(0, colon), Integer.parseInt(smtp.substring(colon + 1)), from),
                new SmtpDownloadNotifier(smtp.substring(0, colon), Integer.parseInt(smtp.substring(colon + 1)), from), clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            portal.close();
            stopped.countDown();
        }, "outward-portal-shutdown"));
        System.out.println("Outward portal on " + bind + ":" + portal.port() + ", links use " + publicUrl + ". Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }
}
