package org.outward.detect.secret.correlate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.outward.installation.InstallationKey;

/**
 * The default {@link EncryptedSendLog}: a small file, one line per encrypted send, rewritten whole on every
 * change (to a temporary file, then moved over the old one, so a crash leaves the old or the new state,
 * never half of one).
 *
 * <p>A line holds the keyed hashes of sender and recipient ({@link AddressKey}), the time in epoch seconds,
 * the file name in Base64 (so no character in it can break the format) and the file's sealed password check in
 * Base64 (empty when there is none). Entries older than the window
 * are dropped on load and on every change; each sender-recipient pair keeps at most its newest
 * {@value #MAX_PER_PAIR}. All methods are synchronized: the state is small and changes are rare (one per
 * encrypted attachment sent), so one lock is simpler and safe. One gateway process owns the file.
 */
public final class FileEncryptedSendLog implements EncryptedSendLog {

    /** Default window, as the party's policy sets it unless changed. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    public static final int MAX_PER_PAIR = 20;

    private static final String VERSION = "v2";
    /** Lines written before checks were kept: read as sends without a check. */
    private static final String VERSION_WITHOUT_CHECK = "v1";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final InstallationKey key;
    private final Duration window;
    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    /** Opens the log at this path, loading what a previous run left, or starting empty. */
    public FileEncryptedSendLog(Path file, InstallationKey key, Duration window, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.key = Objects.requireNonNull(key, "key");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the correlation window must be positive");
        }
        load();
    }

    @Override
    public synchronized void record(String sender, String recipient, String fileName, Instant sentAt,
                                    SealedCheck check) {
        entries.add(new Entry(AddressKey.of(key, sender), AddressKey.of(key, recipient), fileName, sentAt, check));
        dropOld();
        save();
    }

    @Override
    public synchronized List<EncryptedSend> recent(String sender, String recipient) {
        String senderKey = AddressKey.of(key, sender);
        String recipientKey = AddressKey.of(key, recipient);
        Instant cutoff = clock.instant().minus(window);
        return entries.stream()
                .filter(e -> e.sender().equals(senderKey) && e.recipient().equals(recipientKey))
                .filter(e -> !e.sentAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Entry::sentAt).reversed())
                .map(e -> new EncryptedSend(e.fileName(), e.sentAt(), e.check()))
                .toList();
    }

    @Override
    public synchronized void expire() {
        if (dropOld()) {
            save();
        }
    }

    /** Drops entries outside the window and the oldest of any pair over its cap; true if any went. */
    private boolean dropOld() {
        Instant cutoff = clock.instant().minus(window);
        int before = entries.size();
        entries.removeIf(e -> e.sentAt().isBefore(cutoff));
        entries.sort(Comparator.comparing(Entry::sentAt).reversed());
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : entries) {
            long samePair = kept.stream().filter(k -> k.samePair(entry)).count();
            if (samePair < MAX_PER_PAIR) {
                kept.add(entry);
            }
        }
        entries.clear();
        entries.addAll(kept);
        return entries.size() != before;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Entry entry = Entry.parse(line);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the correlation state " + file, e);
        }
        dropOld();
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.format()).append('\n');
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // The file names people give attachments can be sensitive too: the state is the owner's only.
            Path temp = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(folder, ".correlation", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(folder, ".correlation", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the correlation state " + file, e);
        }
    }

    /** One remembered send, with hashed addresses. */
    private record Entry(String sender, String recipient, String fileName, Instant sentAt, SealedCheck check) {

        boolean samePair(Entry other) {
            return sender.equals(other.sender) && recipient.equals(other.recipient);
        }

        String format() {
            return String.join("\t", VERSION, sender, recipient, Long.toString(sentAt.getEpochSecond()),
                    Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)),
                    Base64.getEncoder().encodeToString(check.bytes()));
        }

        /** The entry on this line, or null for a line this version does not understand (it is dropped). */
        static Entry parse(String line) {
            String[] fields = line.split("\t", -1);
            boolean withCheck = fields.length == 6 && VERSION.equals(fields[0]);
            if (!withCheck && !(fields.length == 5 && VERSION_WITHOUT_CHECK.equals(fields[0]))) {
                return null;
            }
            try {
                return new Entry(fields[1], fields[2],
                        new String(Base64.getDecoder().decode(fields[4]), StandardCharsets.UTF_8),
                        Instant.ofEpochSecond(Long.parseLong(fields[3])),
                        withCheck ? SealedCheck.of(Base64.getDecoder().decode(fields[5])) : SealedCheck.NONE);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }
}
