package org.outward.inspect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Zip entry names as the archiver that wrote them meant them. A name is UTF-8 when the entry's language-encoding
 * flag says so or a Unicode path field gives it (commons-compress reads both); otherwise the format leaves it to the
 * writer's code page, which Windows archivers in China or Japan fill with GBK or Shift-JIS. Such names are read in
 * the code page all the archive's undecodable names share, judged together with the head of the entries that are
 * text in a legacy code page (a few characters of a name say little; the archiver wrote both in its own code page),
 * and in the format's original code page, IBM 437, if none is found.
 */
final class ZipEntryNames {

    private static final Charset ZIP_DEFAULT = Charset.forName("IBM437");

    /** How much of an entry's content is looked at, and of how many entries. */
    static final int HEAD_BYTES = 1024;
    private static final int MAX_HEADS = 8;

    private final Charset legacy;

    private ZipEntryNames(Charset legacy) {
        this.legacy = legacy;
    }

    /** For entries read one at a time, whose content cannot be looked at before they are named. */
    static ZipEntryNames of(List<ZipArchiveEntry> entries) {
        return of(entries, entry -> new byte[0]);
    }

    /**
     * @param head the first bytes of an entry's content (at most {@link #HEAD_BYTES}), empty if it cannot be read
     */
    static ZipEntryNames of(List<ZipArchiveEntry> entries, Function<ZipArchiveEntry, byte[]> head) {
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        for (ZipArchiveEntry entry : entries) {
            if (needsCodePage(entry)) {
                sample.writeBytes(entry.getRawName());
                sample.write('\n');
            }
        }
        if (sample.size() == 0) {
            return new ZipEntryNames(ZIP_DEFAULT);
        }
        int read = 0;
        for (ZipArchiveEntry entry : entries) {
            if (read == MAX_HEADS) {
                break;
            }
            if (!entry.isDirectory() && !entry.getGeneralPurposeBit().usesEncryption()) {
                byte[] text = head.apply(entry);
                read++;
                if (LegacyCodePage.of(text).isPresent()) {
                    sample.writeBytes(text);
                    sample.write('\n');
                }
            }
        }
        return new ZipEntryNames(LegacyCodePage.of(sample.toByteArray()).orElse(ZIP_DEFAULT));
    }

    String name(ZipArchiveEntry entry) {
        return needsCodePage(entry) ? new String(entry.getRawName(), legacy) : entry.getName();
    }

    /** Named in no declared encoding, and not valid UTF-8 either (which commons-compress already reads right). */
    private static boolean needsCodePage(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        return entry.getNameSource() == ZipArchiveEntry.NameSource.NAME && raw != null && raw.length > 0
                && !PlainText.isText(raw, StandardCharsets.UTF_8);
    }
}
