package org.outward.console;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Whether the console can do its work, for {@code GET /healthz} (a container's health check, a load balancer): James
 * WebAdmin answers a request with the console's token, and the audit file can be appended to, since an action whose
 * trail cannot be written is refused. The answer says healthy or not and nothing else, as anyone who reaches the
 * port may ask without signing in; what failed goes to the console's log.
 */
final class ConsoleHealth {

    private static final System.Logger LOG = System.getLogger(ConsoleHealth.class.getName());

    private final WebAdmin webAdmin;
    private final Optional<Path> auditFile;

    ConsoleHealth(WebAdmin webAdmin, Optional<Path> auditFile) {
        this.webAdmin = webAdmin;
        this.auditFile = auditFile;
    }

    boolean healthy() {
        boolean webAdminAnswers = webAdmin.answers();
        if (!webAdminAnswers) {
            LOG.log(Level.WARNING, "console unhealthy: WebAdmin does not answer (or refuses the console's token)");
        }
        boolean auditWritable = auditFile.map(ConsoleHealth::appendable).orElse(true);
        if (!auditWritable) {
            LOG.log(Level.WARNING, "console unhealthy: the audit file cannot be written");
        }
        return webAdminAnswers && auditWritable;
    }

    /** Opened for appending without writing a byte; a file not there yet: its folder takes new files. */
    private static boolean appendable(Path file) {
        if (Files.exists(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder != null && Files.isDirectory(folder) && Files.isWritable(folder);
    }
}
