package org.outward.vault;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Reads and writes an item's metadata as a UTF-8 properties file: plain text an admin can read with any tool,
 * and nothing the JDK lacks.
 */
final class MetadataFormat {

    private static final String VERSION = "1";

    private MetadataFormat() {
    }

    static byte[] write(StoredItem stored) {
        ItemInfo info = stored.info();
        Properties p = new Properties();
        p.setProperty("format", VERSION);
        p.setProperty("id", info.id().hex());
        p.setProperty("sender", info.sender());
        p.setProperty("recipient", info.recipient());
        p.setProperty("fileName", info.fileName());
        p.setProperty("size", Long.toString(info.size()));
        p.setProperty("mediaType", info.mediaType());
        p.setProperty("created", info.created().toString());
        p.setProperty("expires", info.expires().toString());
        p.setProperty("downloads", Integer.toString(info.downloads()));
        p.setProperty("maxDownloads", Integer.toString(info.maxDownloads()));
        p.setProperty("revoked", Boolean.toString(info.revoked()));
        p.setProperty("purged", Boolean.toString(info.purged()));
        p.setProperty("salt", b64(stored.salt()));
        p.setProperty("verifier", b64(stored.verifier()));
        p.setProperty("managementHash", b64(stored.managementHash()));
        List<AuditEvent> events = info.events();
        p.setProperty("events", Integer.toString(events.size()));
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            p.setProperty("event." + i + ".at", e.at().toString());
            p.setProperty("event." + i + ".kind", e.kind().name());
            p.setProperty("event." + i + ".detail", e.detail());
            if (e.times() > 1) {
                p.setProperty("event." + i + ".times", Integer.toString(e.times()));
            }
        }
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Outward vault item metadata (personal data: sender, recipient, file name)");
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static StoredItem read(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        try {
            int count = Integer.parseInt(get(p, "events"));
            List<AuditEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(new AuditEvent(Instant.parse(get(p, "event." + i + ".at")),
                        AuditKind.valueOf(get(p, "event." + i + ".kind")), p.getProperty("event." + i + ".detail", ""),
                        Integer.parseInt(p.getProperty("event." + i + ".times", "1"))));
            }
            ItemInfo info = new ItemInfo(new ItemId(get(p, "id")), get(p, "sender"), get(p, "recipient"),
                    get(p, "fileName"), Long.parseLong(get(p, "size")), get(p, "mediaType"),
                    Instant.parse(get(p, "created")), Instant.parse(get(p, "expires")),
                    Integer.parseInt(get(p, "downloads")), Integer.parseInt(get(p, "maxDownloads")),
                    Boolean.parseBoolean(get(p, "revoked")), Boolean.parseBoolean(get(p, "purged")), events);
            return new StoredItem(info, unb64(get(p, "salt")), unb64(get(p, "verifier")),
                    unb64(get(p, "managementHash")));
        } catch (RuntimeException e) {
            throw new IOException("vault metadata is damaged", e);
        }
    }

    private static String get(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("vault metadata lacks " + key);
        }
        return value;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
