package org.outward.inspect;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes an OLE2 storage found inside another file (a Word table pasted into an Excel sheet, an Outlook message
 * attached to another, a chart object in a slide) out as a file of its own. Tika hands such an object to the
 * embedded-document extractor not as bytes but as the open storage itself, behind an empty stream; copying the
 * stream would give an empty file that no parser can read.
 */
final class OleStorage {

    private OleStorage() {
    }

    /** Writes the storage as a standalone OLE2 file, at most {@code max} bytes (a larger one is cut). */
    static Spool.Result write(DirectoryEntry storage, Path target, long max) throws IOException {
        try (POIFSFileSystem copy = new POIFSFileSystem()) {
            EntryUtils.copyNodes(storage, copy.getRoot());
            try (Bounded out = new Bounded(Files.newOutputStream(target), max)) {
                copy.writeFilesystem(out);
                return new Spool.Result(out.written, false, false);
            } catch (Bounded.Full full) {
                return new Spool.Result(max, true, false);
            }
        } catch (IOException | RuntimeException unreadable) {
            // A storage POI cannot copy is reported like a stream that broke off: what was written is kept.
            return new Spool.Result(Files.exists(target) ? Files.size(target) : 0, false, true);
        }
    }

    /** Stops writing at the bound, as {@link Spool#copy} does. */
    private static final class Bounded extends FilterOutputStream {

        private static final class Full extends IOException {
            Full() {
                super("storage larger than its bound");
            }
        }

        private final long max;
        private long written;

        Bounded(OutputStream out, long max) {
            super(out);
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > max) {
                out.write(b, off, (int) (max - written));
                written = max;
                throw new Full();
            }
            out.write(b, off, len);
            written += len;
        }
    }
}
