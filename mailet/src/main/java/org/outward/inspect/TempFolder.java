package org.outward.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One inspection's temp folder, made when a part first needs a file and deleted with everything in it at the
 * end. A message whose parts are all judged from memory (plain text bodies) never makes one: creating, filling
 * and deleting a folder and a file cost more than the rest of judging a short note (see docs/performance.md).
 *
 * <p>Thread-safe: an abandoned (timed-out) expansion may still ask for files on a worker thread.
 */
final class TempFolder implements AutoCloseable {

    private final Path parent;
    private Path folder;

    /** @param parent where the folder is made; it must exist by the time a file is needed */
    TempFolder(Path parent) {
        this.parent = parent;
    }

    /** A new empty file in the folder, which is made first if this is the run's first file. */
    synchronized Path newFile(String prefix) throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory(parent, "outward-inspect-");
        }
        return Files.createTempFile(folder, prefix, ".bin");
    }

    @Override
    public synchronized void close() {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            });
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
