package org.outward.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The embedded vault: one folder on local disk, shared by the mail server (which stores items), the portal
 * (which serves them) and the admin's commands.
 *
 * <pre>
 * vault/
 *   items/&lt;item id&gt;.data   segmented AES-256-GCM ciphertext (see SegmentFormat)
 *   items/&lt;item id&gt;.meta   metadata and audit trail (properties, UTF-8), the commit point of an item
 *   tmp/                     files being written
 *   .lock                    serialises metadata updates among processes
 * </pre>
 *
 * <p>An item exists for links only once its {@code .meta} has been renamed into place, after its content was
 * synced: a crash at any earlier moment leaves at most an orphan the purge removes. The key is derived from the
 * link secret, which is never stored, so a copy of this folder reveals metadata but no content. The purge deletes
 * the salt and verifier with the content, so a backup of a {@code .data} file taken earlier no longer opens with
 * its link once the item is purged (a backup of its {@code .meta} from before the purge still would).
 */
public final class LocalDiskVault implements Vault {

    /** Temporary and orphan files older than this are removed by the purge; younger ones may be in progress. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    /** A test seam: called after the content is durable and before the item is committed. */
    @FunctionalInterface
    interface CommitPoint {
        void reached() throws IOException;
    }

    private static final String DATA = ".data";
    private static final String META = ".meta";

    private final Path items;
    private final Path temp;
    private final Clock clock;
    private final SecureRandom random;
    private final MutationLock lock;
    private final CommitPoint beforeCommit;

    /** A vault in {@code folder} (created 0700 if missing). */
    public LocalDiskVault(Path folder, Clock clock) throws IOException {
        this(folder, clock, new SecureRandom(), () -> { });
    }

    LocalDiskVault(Path folder, Clock clock, SecureRandom random, CommitPoint beforeCommit) throws IOException {
        PrivateFiles.folder(folder);
        this.items = folder.resolve("items");
        this.temp = folder.resolve("tmp");
        PrivateFiles.folder(items);
        PrivateFiles.folder(temp);
        this.clock = clock;
        this.random = random;
        this.lock = new MutationLock(lockFile(folder));
        this.beforeCommit = beforeCommit;
    }

    private static Path lockFile(Path folder) throws IOException {
        Path file = folder.resolve(".lock");
        if (!Files.exists(file)) {
            try {
                PrivateFiles.create(file).close();
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another process made it first
            }
        }
        return file;
    }

    @Override
    public Deposit put(NewItem item, InputStream content) throws IOException {
        ItemSeal seal = ItemSeal.create(random);
        ItemId id = seal.id();
        Path written = temp.resolve(id.hex() + DATA + ".tmp");
        Path data = items.resolve(id.hex() + DATA);
        long size;
        try {
            try (FileChannel channel = PrivateFiles.create(written)) {
                size = seal.seal(content, PrivateFiles.stream(channel));
                channel.force(true);
            }
            PrivateFiles.commit(written, data);
            beforeCommit.reached();
            ItemInfo info = item.storedAt(id, size, clock.instant());
            PrivateFiles.replace(temp, items.resolve(id.hex() + META),
                    MetadataFormat.write(new StoredItem(info, seal.salt(), seal.verifier(), seal.managementHash())));
            return seal.deposit(info.expires());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(written);
            if (!Files.exists(items.resolve(id.hex() + META))) {
                Files.deleteIfExists(data);
            }
            throw e;
        }
    }

    @Override
    public Optional<ItemInfo> describe(LinkToken link) throws IOException {
        return verified(link).map(StoredItem::info).filter(info -> info.servableAt(clock.instant()));
    }

    @Override
    public Optional<Download> download(LinkToken link) throws IOException {
        ItemId id = link.itemId();
        return lock.holding(() -> {
            Optional<StoredItem> stored = verified(link);
            Instant now = clock.instant();
            if (stored.isEmpty() || !stored.get().info().servableAt(now)) {
                return Optional.empty();
            }
            InputStream raw;
            try {
                raw = Files.newInputStream(items.resolve(id.hex() + DATA));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            StoredItem counted = stored.get().with(stored.get().info().withDownload(now, "recipient"));
            try {
                save(counted);
                // The open file keeps its bytes after a revoke unlinks it, so the stream asks the metadata instead.
                return Optional.of(new Download(counted.info(), ItemSeal.open(link, counted.salt(), raw,
                        () -> load(id).map(item -> item.info().revoked()).orElse(true))));
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        });
    }

    @Override
    public Optional<ItemInfo> manage(ManagementToken management) throws IOException {
        return load(management.itemId())
                .filter(stored -> ItemSeal.manages(management, stored.managementHash()))
                .map(StoredItem::info);
    }

    @Override
    public void record(ItemId id, AuditKind kind, String detail) throws IOException {
        lock.holding(() -> {
            Optional<StoredItem> stored = load(id);
            if (stored.isPresent()) {
                save(stored.get().with(stored.get().info().withEvent(new AuditEvent(clock.instant(), kind, detail))));
            }
            return null;
        });
    }

    @Override
    public boolean revoke(ItemId id, String by) throws IOException {
        return lock.holding(() -> {
            Optional<StoredItem> stored = load(id);
            if (stored.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            ItemInfo info = stored.get().info();
            if (!info.revoked()) {
                info = info.revokedAt(now, by);
            }
            save(stored.get().with(deleteContent(info, now)).shredded());
            return true;
        });
    }

    @Override
    public int purgeExpired() throws IOException {
        int purged = 0;
        Instant now = clock.instant();
        for (ItemId id : ids()) {
            boolean done = lock.holding(() -> {
                Optional<StoredItem> stored = load(id);
                if (stored.isEmpty()) {
                    return false;
                }
                if (stored.get().info().purgeDueAt(now)) {
                    save(stored.get().with(deleteContent(stored.get().info(), now)).shredded());
                    return true;
                }
                // Items purged before purges shredded keys still carry them: shred those too, once.
                if (stored.get().info().purged() && stored.get().hasKeys()) {
                    save(stored.get().shredded());
                }
                return false;
            });
            purged += done ? 1 : 0;
        }
        removeOrphans();
        return purged;
    }

    @Override
    public List<ItemInfo> list() throws IOException {
        List<ItemInfo> all = new ArrayList<>();
        for (ItemId id : ids()) {
            load(id).ifPresent(stored -> all.add(stored.info()));
        }
        all.sort(Comparator.comparing(ItemInfo::created).reversed());
        return all;
    }

    /** Its folders are there, and a file can be made and removed in the one for unfinished writes. */
    @Override
    public void checkReachable() throws IOException {
        if (!Files.isDirectory(items)) {
            throw new IOException("the vault's items folder is missing");
        }
        Path probe = temp.resolve("health-" + Long.toHexString(random.nextLong()));
        PrivateFiles.create(probe).close();
        Files.delete(probe);
    }

    @Override
    public Optional<ItemInfo> find(ItemId id) throws IOException {
        return load(id).map(StoredItem::info);
    }

    private ItemInfo deleteContent(ItemInfo info, Instant now) throws IOException {
        Files.deleteIfExists(items.resolve(info.id().hex() + DATA));
        return info.purged() ? info : info.purgedAt(now);
    }

    private Optional<StoredItem> verified(LinkToken link) throws IOException {
        Optional<StoredItem> stored = load(link.itemId());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return ItemSeal.opens(link, stored.get().salt(), stored.get().verifier()) ? stored : Optional.empty();
    }

    private Optional<StoredItem> load(ItemId id) throws IOException {
        try {
            return Optional.of(MetadataFormat.read(Files.readAllBytes(items.resolve(id.hex() + META))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void save(StoredItem stored) throws IOException {
        PrivateFiles.replace(temp, items.resolve(stored.info().id().hex() + META), MetadataFormat.write(stored));
    }

    private List<ItemId> ids() throws IOException {
        List<ItemId> ids = new ArrayList<>();
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(items, "*" + META)) {
            for (Path meta : metas) {
                String name = meta.getFileName().toString();
                String hex = name.substring(0, name.length() - META.length());
                if (ItemId.isValid(hex)) {
                    ids.add(new ItemId(hex));
                }
            }
        }
        return ids;
    }

    /** Removes half-written files a crash left behind: temporary files, and content that was never committed. */
    private void removeOrphans() throws IOException {
        Instant old = Instant.now().minus(ORPHAN_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
            for (Path file : files) {
                deleteIfOlder(file, old);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(items, "*" + DATA)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!Files.exists(items.resolve(name.substring(0, name.length() - DATA.length()) + META))) {
                    deleteIfOlder(file, old);
                }
            }
        }
    }

    private static void deleteIfOlder(Path file, Instant old) throws IOException {
        // File times are wall-clock times, so this compares with the real clock, not the injected one.
        if (Files.getLastModifiedTime(file).toInstant().isBefore(old)) {
            Files.deleteIfExists(file);
        }
    }

}
