package org.outward.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queued messages whose senders have had their delay notice, by James's mail name, with when; kept in one
 * file of the gateway's state folder ({@code <epoch-millis> <name>} a line), so a restart does not tell anyone
 * twice. Entries older than the retry period are forgotten, since their mail has been delivered or returned.
 * Mail names are James's own identifiers and say nothing about the message.
 */
public final class NotifiedMessages {

    private final Path file;
    private final Map<String, Instant> notified;

    private NotifiedMessages(Path file, Map<String, Instant> notified) {
        this.file = file;
        this.notified = notified;
    }

    /** The record in {@code file}, empty if the file does not exist yet; a line it cannot read is skipped. */
    public static NotifiedMessages in(Path file) throws IOException {
        Map<String, Instant> notified = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space <= 0 || space == line.length() - 1) {
                    continue;
                }
                try {
                    notified.put(line.substring(space + 1), Instant.ofEpochMilli(Long.parseLong(line.substring(0, space))));
                } catch (NumberFormatException e) {
                    // a line cut short by a crash while it was written: its notice may go out once more
                }
            }
        }
        return new NotifiedMessages(file, notified);
    }

    public synchronized boolean contains(String mailName) {
        return notified.containsKey(mailName);
    }

    /** Records, on disk before it returns, that the sender of this mail has been told. */
    public synchronized void add(String mailName, Instant when) throws IOException {
        if (mailName.indexOf('\n') >= 0 || mailName.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a mail name cannot hold a line break");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, when.toEpochMilli() + " " + mailName + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        notified.put(mailName, when);
    }

    /** Forgets the entries recorded before {@code cutOff}, rewriting the file in one move. */
    public synchronized void forgetBefore(Instant cutOff) throws IOException {
        if (!notified.values().removeIf(when -> when.isBefore(cutOff))) {
            return;
        }
        List<String> lines = new ArrayList<>();
        notified.forEach((name, when) -> lines.add(when.toEpochMilli() + " " + name));
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
