package org.outward.feedback;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.outward.vault.MutationLock;
import org.outward.vault.PrivateFiles;

/**
 * Report tickets in a folder, one properties file each ({@code <id>.ticket}), owner-only like the vault's
 * files: the store of one node, in its local vault's folder, which the gateway, the portal and the console reach
 * on the same disk. Every read-modify-write holds one lock shared with the other processes.
 */
public final class FolderReportStore implements ReportStore {

    private static final String SUFFIX = ".ticket";

    private final Path folder;
    private final MutationLock lock;

    public FolderReportStore(Path folder) throws IOException {
        this.folder = folder;
        PrivateFiles.folder(folder);
        Path lockFile = folder.resolve(".lock");
        try {
            Files.createFile(lockFile);
        } catch (FileAlreadyExistsException e) {
            // made by another process or an earlier run
        }
        this.lock = new MutationLock(lockFile);
    }

    /**
     * Where the tickets of a local vault in {@code vaultFolder} live: its folder {@code reports}, so that wherever
     * the vault's folder is shared (a volume of the gateway's and the portal's containers) the tickets are too.
     */
    public static Path inVault(Path vaultFolder) {
        return vaultFolder.resolve("reports");
    }

    @Override
    public void file(ReportTicket ticket) throws IOException {
        lock.holding(() -> {
            if (Files.exists(path(ticket.id()))) {
                throw new IOException("a report ticket of this id exists already");
            }
            write(ticket);
            return null;
        });
    }

    @Override
    public Outcome report(ReportToken token, ReportTicket.Report report) throws IOException {
        return lock.holding(() -> {
            Recording recording = Recording.of(find(token.ticketId()), token, report);
            if (recording.written().isPresent()) {
                write(recording.written().get());
            }
            return recording.outcome();
        });
    }

    @Override
    public Optional<ReportTicket> find(String id) throws IOException {
        if (!ReportTicket.isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TicketFormat.read(Files.readAllBytes(path(id))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ReportTicket> reported() throws IOException {
        List<ReportTicket> reported = new ArrayList<>();
        for (ReportTicket ticket : all()) {
            if (ticket.report().isPresent()) {
                reported.add(ticket);
            }
        }
        reported.sort(Comparator.comparing((ReportTicket t) -> t.report().orElseThrow().at()).reversed());
        return reported;
    }

    @Override
    public boolean resolve(String id, ReportTicket.Resolution resolution) throws IOException {
        return lock.holding(() -> {
            Optional<ReportTicket> ticket = find(id);
            if (ticket.isEmpty() || ticket.get().report().isEmpty() || ticket.get().resolution().isPresent()) {
                return false;
            }
            write(ticket.get().withResolution(resolution));
            return true;
        });
    }

    @Override
    public int forgetExpired(Instant now) throws IOException {
        return lock.holding(() -> {
            int forgotten = 0;
            for (ReportTicket ticket : all()) {
                if (ticket.report().isEmpty() && !now.isBefore(ticket.expires())) {
                    Files.deleteIfExists(path(ticket.id()));
                    forgotten++;
                }
            }
            return forgotten;
        });
    }

    private List<ReportTicket> all() throws IOException {
        List<ReportTicket> tickets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                find(name.substring(0, name.length() - SUFFIX.length())).ifPresent(tickets::add);
            }
        }
        return tickets;
    }

    private void write(ReportTicket ticket) throws IOException {
        PrivateFiles.replace(folder, path(ticket.id()), TicketFormat.write(ticket));
    }

    private Path path(String id) {
        return folder.resolve(id + SUFFIX);
    }
}
