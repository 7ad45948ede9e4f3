package org.outward.backends.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.outward.backends.sql.Database;
import org.outward.backends.sql.Times;
import org.outward.vault.AuditEvent;
import org.outward.vault.AuditKind;
import org.outward.vault.Deposit;
import org.outward.vault.Download;
import org.outward.vault.ItemId;
import org.outward.vault.ItemInfo;
import org.outward.vault.ItemSeal;
import org.outward.vault.LinkToken;
import org.outward.vault.ManagementToken;
import org.outward.vault.NewItem;
import org.outward.vault.Vault;

/**
 * The vault several nodes share: metadata, audit trail and download counters in PostgreSQL, sealed content in an
 * S3-compatible bucket. Same format and same promises as the local vault ({@link ItemSeal}): the purge empties the
 * salt and verifier, so a copy of the object kept elsewhere no longer opens with its link.
 *
 * <p>An item exists for links once its row is committed, after its content was stored: a crash earlier leaves at
 * most an object without a row, which the purge removes once it is older than {@link #ORPHAN_AGE}. A download is
 * counted by one conditional {@code UPDATE ... WHERE downloads < max_downloads}, so the limit holds whichever
 * node serves it and however many serve at once.
 */
public final class SharedVault implements Vault {

    /** Objects without a row older than this are removed by the purge; younger ones may be in progress. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private static final String COLUMNS = "id, sender, recipient, file_name, size, media_type, created, expires,"
            + " downloads, max_downloads, revoked, purged";

    private final Database database;
    private final S3Contents contents;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SharedVault(Database database, S3Contents contents, Clock clock) {
        this.database = database;
        this.contents = contents;
        this.clock = clock;
    }

    @Override
    public Deposit put(NewItem item, InputStream content) throws IOException {
        ItemSeal seal = ItemSeal.create(random);
        ItemId id = seal.id();
        Path sealed = Files.createTempFile("outward-vault-", ".sealed",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        boolean committed = false;
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(sealed)) {
                size = seal.seal(content, out);
            }
            contents.put(key(id), sealed);
            ItemInfo info = item.storedAt(id, size, Times.stored(clock.instant()));
            database.inTransaction(connection -> {
                insert(connection, info, seal);
                event(connection, id, info.events().get(0));
                return null;
            });
            committed = true;
            return seal.deposit(info.expires());
        } finally {
            Files.deleteIfExists(sealed);
            if (!committed) {
                deleteQuietly(id);
            }
        }
    }

    @Override
    public Optional<ItemInfo> describe(LinkToken link) throws IOException {
        if (!opens(link)) {
            return Optional.empty();
        }
        return find(link.itemId()).filter(info -> info.servableAt(now()));
    }

    @Override
    public Optional<Download> download(LinkToken link) throws IOException {
        ItemId id = link.itemId();
        Optional<Keys> keys = keys(id).filter(k -> ItemSeal.opens(link, k.salt(), k.verifier()));
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputStream> raw = contents.open(key(id));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant now = now();
            // The row stays locked from the UPDATE to the commit, so the item read back carries this download's
            // own count: exactly one request sees downloads == 1 (the portal tells the sender once).
            Optional<ItemInfo> counted = database.inTransaction(connection -> {
                try (PreparedStatement count = connection.prepareStatement("UPDATE outward_vault_items"
                        + " SET downloads = downloads + 1 WHERE id = ? AND NOT revoked AND NOT purged AND expires > ?"
                        + " AND downloads < max_downloads")) {
                    count.setString(1, id.hex());
                    Times.set(count, 2, now);
                    if (count.executeUpdate() != 1) {
                        return Optional.empty();
                    }
                }
                event(connection, id, new AuditEvent(now, AuditKind.DOWNLOADED, "recipient"));
                return info(connection, id);
            });
            if (counted.isEmpty()) {
                raw.get().close();
                return Optional.empty();
            }
            ItemInfo info = counted.get();
            // Revoked on any node, the stream stops: an object being read may outlive its deletion.
            return Optional.of(new Download(info, ItemSeal.open(link, keys.get().salt(), raw.get(),
                    () -> revoked(id))));
        } catch (IOException | RuntimeException e) {
            raw.get().close();
            throw e;
        }
    }

    @Override
    public Optional<ItemInfo> manage(ManagementToken management) throws IOException {
        Optional<Keys> keys = keys(management.itemId());
        if (keys.isEmpty() || !ItemSeal.manages(management, keys.get().managementHash())) {
            return Optional.empty();
        }
        return find(management.itemId());
    }

    @Override
    public void record(ItemId id, AuditKind kind, String detail) throws IOException {
        AuditEvent event = new AuditEvent(now(), kind, detail);
        database.inTransaction(connection -> {
            // The item's row lock puts concurrent records from any node one after another, so the count holds.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT 1 FROM outward_vault_items WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id.hex());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                }
            }
            if (kind.repeatable() && keptOfKind(connection, id, kind) >= AuditKind.KEPT_PER_KIND) {
                try (PreparedStatement count = connection.prepareStatement("UPDATE outward_vault_events"
                        + " SET times = times + 1 WHERE seq = (SELECT max(seq) FROM outward_vault_events"
                        + " WHERE item_id = ? AND kind = ?)")) {
                    count.setString(1, id.hex());
                    count.setString(2, kind.name());
                    count.executeUpdate();
                }
                return null;
            }
            event(connection, id, event);
            return null;
        });
    }

    private static int keptOfKind(Connection connection, ItemId id, AuditKind kind) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM outward_vault_events WHERE item_id = ? AND kind = ?")) {
            count.setString(1, id.hex());
            count.setString(2, kind.name());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Override
    public boolean revoke(ItemId id, String by) throws IOException {
        Instant now = now();
        boolean exists = database.inTransaction(connection -> {
            try (PreparedStatement revoke = connection.prepareStatement(
                    "UPDATE outward_vault_items SET revoked = TRUE WHERE id = ? AND NOT revoked")) {
                revoke.setString(1, id.hex());
                if (revoke.executeUpdate() == 1) {
                    event(connection, id, new AuditEvent(now, AuditKind.REVOKED, by));
                    return true;
                }
            }
            return keys(connection, id).isPresent();
        });
        if (exists) {
            purge(id, now);
        }
        return exists;
    }

    @Override
    public int purgeExpired() throws IOException {
        Instant now = now();
        List<ItemId> due = database.inTransaction(connection -> {
            // Items purged before purges deleted keys still carry them: they are taken again, once.
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM outward_vault_items"
                    + " WHERE (NOT purged AND (revoked OR expires <= ? OR downloads >= max_downloads))"
                    + " OR (purged AND octet_length(salt) > 0)")) {
                Times.set(select, 1, now);
                return ids(select);
            }
        });
        int purged = 0;
        for (ItemId id : due) {
            purged += purge(id, now) ? 1 : 0;
        }
        removeOrphans();
        return purged;
    }

    @Override
    public List<ItemInfo> list() throws IOException {
        return database.inTransaction(connection -> {
            List<ItemInfo> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM outward_vault_items ORDER BY created DESC, id")) {
                for (ItemId id : ids(select)) {
                    info(connection, id).ifPresent(all::add);
                }
            }
            return all;
        });
    }

    /** The database answers and the bucket is there. */
    @Override
    public void checkReachable() throws IOException {
        database.checkReachable();
        contents.checkReachable();
    }

    @Override
    public Optional<ItemInfo> find(ItemId id) throws IOException {
        return database.inTransaction(connection -> info(connection, id));
    }

    /**
     * Deletes the key material, then the content, then marks the item purged once; true if this call marked it.
     * The keys go first: from their commit on, no link opens the content, not even a copy of it in a backup.
     */
    private boolean purge(ItemId id, Instant now) throws IOException {
        database.inTransaction(connection -> {
            try (PreparedStatement shred = connection.prepareStatement(
                    "UPDATE outward_vault_items SET salt = ?, verifier = ? WHERE id = ?")) {
                shred.setBytes(1, new byte[0]);
                shred.setBytes(2, new byte[0]);
                shred.setString(3, id.hex());
                shred.executeUpdate();
            }
            return null;
        });
        contents.delete(key(id));
        return database.inTransaction(connection -> {
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outward_vault_items SET purged = TRUE WHERE id = ? AND NOT purged")) {
                mark.setString(1, id.hex());
                if (mark.executeUpdate() != 1) {
                    return false;
                }
            }
            event(connection, id, new AuditEvent(now, AuditKind.PURGED, "content deleted"));
            return true;
        });
    }

    /** Removes content a crash left without a row. */
    private void removeOrphans() throws IOException {
        Set<String> known = new HashSet<>(database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM outward_vault_items")) {
                return ids(select).stream().map(SharedVault::key).toList();
            }
        }));
        // Object times are wall-clock times, so this compares with the real clock, not the injected one.
        Instant old = Instant.now().minus(ORPHAN_AGE);
        for (S3Contents.Stored object : contents.list()) {
            if (!known.contains(object.key()) && object.lastModified().isBefore(old)) {
                contents.delete(object.key());
            }
        }
    }

    /** Whether the item has been revoked, or is gone. */
    private boolean revoked(ItemId id) throws IOException {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT revoked FROM outward_vault_items WHERE id = ?")) {
                select.setString(1, id.hex());
                try (ResultSet row = select.executeQuery()) {
                    return !row.next() || row.getBoolean(1);
                }
            }
        });
    }

    private boolean opens(LinkToken link) throws IOException {
        return keys(link.itemId()).filter(k -> ItemSeal.opens(link, k.salt(), k.verifier())).isPresent();
    }

    /** What checks the tokens of one item. */
    private record Keys(byte[] salt, byte[] verifier, byte[] managementHash) {
    }

    private Optional<Keys> keys(ItemId id) throws IOException {
        return database.inTransaction(connection -> keys(connection, id));
    }

    private static Optional<Keys> keys(Connection connection, ItemId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT salt, verifier, management_hash FROM outward_vault_items WHERE id = ?")) {
            select.setString(1, id.hex());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Keys(row.getBytes(1), row.getBytes(2), row.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    private static Optional<ItemInfo> info(Connection connection, ItemId id) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT at, kind, detail, times FROM outward_vault_events WHERE item_id = ? ORDER BY seq")) {
            select.setString(1, id.hex());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new AuditEvent(Times.get(row, "at"), AuditKind.valueOf(row.getString("kind")),
                            row.getString("detail"), row.getInt("times")));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM outward_vault_items WHERE id = ?")) {
            select.setString(1, id.hex());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ItemInfo(id, row.getString("sender"), row.getString("recipient"),
                        row.getString("file_name"), row.getLong("size"), row.getString("media_type"),
                        Times.get(row, "created"), Times.get(row, "expires"), row.getInt("downloads"),
                        row.getInt("max_downloads"), row.getBoolean("revoked"), row.getBoolean("purged"), events));
            }
        }
    }

    private static void insert(Connection connection, ItemInfo info, ItemSeal seal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outward_vault_items (" + COLUMNS
                + ", salt, verifier, management_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, info.id().hex());
            insert.setString(2, info.sender());
            insert.setString(3, info.recipient());
            insert.setString(4, info.fileName());
            insert.setLong(5, info.size());
            insert.setString(6, info.mediaType());
            Times.set(insert, 7, info.created());
            Times.set(insert, 8, info.expires());
            insert.setInt(9, info.downloads());
            insert.setInt(10, info.maxDownloads());
            insert.setBoolean(11, info.revoked());
            insert.setBoolean(12, info.purged());
            insert.setBytes(13, seal.salt());
            insert.setBytes(14, seal.verifier());
            insert.setBytes(15, seal.managementHash());
            insert.executeUpdate();
        }
    }

    private static void event(Connection connection, ItemId id, AuditEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outward_vault_events (item_id, at, kind, detail) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, id.hex());
            Times.set(insert, 2, event.at());
            insert.setString(3, event.kind().name());
            insert.setString(4, event.detail());
            insert.executeUpdate();
        }
    }

    private static List<ItemId> ids(PreparedStatement select) throws SQLException {
        List<ItemId> ids = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(new ItemId(row.getString(1)));
            }
        }
        return ids;
    }

    private void deleteQuietly(ItemId id) {
        try {
            contents.delete(key(id));
        } catch (IOException e) {
            // left for the purge, which removes objects without a row
        }
    }

    private Instant now() {
        return Times.stored(clock.instant());
    }

    static String key(ItemId id) {
        return S3Contents.PREFIX + id.hex();
    }
}
