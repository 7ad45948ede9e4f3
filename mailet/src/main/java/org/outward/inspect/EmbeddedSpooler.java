package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;

/**
 * Catches the files Tika finds inside another (TNEF attachments, Outlook .msg attachments, objects in Office
 * documents) and spools them to disk instead of parsing them inline, so that each becomes a part of its own with
 * its own type, protection and text, and counts against the entry and size limits like an archive entry.
 *
 * <p>Images come back too when OCR is on (a photographed list pasted into a document, placed on a slide or a PDF
 * page, inlined in an HTML body as a {@code data:} URI), to be screened and read as an image attached alone is;
 * one whose header declares it too small to hold a list (a logo, an icon, a bullet) is dropped here, before it
 * takes a slot or costs a part. With OCR off, images are skipped: they carry no text for us.
 */
class EmbeddedSpooler implements EmbeddedDocumentExtractor {

    /** One spooled embedded file. */
    record Embedded(String name, String declaredType, Path file, Spool.Result spool) {
    }

    private final ArchiveBudget.Container container;
    private final String where;
    private final boolean images;
    private final List<Embedded> found = new ArrayList<>();

    /** A spooler that skips images, as a parse without OCR wants. */
    EmbeddedSpooler(ArchiveBudget.Container container, String where) {
        this(container, where, false);
    }

    /** @param images whether embedded images are kept, to be read by OCR */
    EmbeddedSpooler(ArchiveBudget.Container container, String where, boolean images) {
        this.container = container;
        this.where = where;
        this.images = images;
    }

    synchronized List<Embedded> found() {
        return List.copyOf(found);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
        return images || !type.startsWith("image/");
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws IOException {
        if (!shouldParseEmbedded(metadata)) {
            return;
        }
        String name = firstNonEmpty(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY),
                metadata.get(TikaCoreProperties.ORIGINAL_RESOURCE_NAME));
        String type = firstNonEmpty(metadata.get(Metadata.CONTENT_TYPE));
        DirectoryEntry ole = stream instanceof TikaInputStream tis && tis.getOpenContainer() instanceof DirectoryEntry d
                ? d : null;
        InputStream content = stream;
        if (images && ole == null) {
            BufferedInputStream peeked = new BufferedInputStream(stream, ImageHeader.HEAD_BYTES);
            if (tooSmallAnImage(peeked)) {
                return;
            }
            content = peeked;
        }
        ArchiveBudget.Slot slot = reserve();
        if (slot == null) {
            return;
        }
        Spool.Result result = ole != null
                ? OleStorage.write(ole, slot.file(), slot.maxBytes())
                : Spool.copy(content, slot.file(), slot.maxBytes());
        keep(slot, name, type, result);
    }

    /** Where the next embedded file may go and how large it may be, or null when a limit says skip it. */
    ArchiveBudget.Slot reserve() {
        ArchiveBudget.Slot slot;
        synchronized (this) {
            slot = container.next(where + "/" + (found.size() + 1), -1);
        }
        return slot == null || slot.file() == null ? null : slot;
    }

    /** Books a spooled embedded file: it counts against the limits and becomes a part of its own. */
    void keep(ArchiveBudget.Slot slot, String name, String declaredType, Spool.Result result) {
        container.spent(slot, result);
        synchronized (this) {
            found.add(new Embedded(name, declaredType, slot.file(), result));
        }
    }

    /** Whether the stream starts an image whose header declares it too small to hold a list; leaves it unread. */
    private static boolean tooSmallAnImage(BufferedInputStream in) throws IOException {
        in.mark(ImageHeader.HEAD_BYTES);
        byte[] head = in.readNBytes(ImageHeader.HEAD_BYTES);
        in.reset();
        return ImageHeader.sniffed(head)
                .flatMap(size -> ImageScreen.bySize(size.width(), size.height(), Long.MAX_VALUE))
                .isPresent();
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
