package org.outward.vault;

import java.io.IOException;
import java.io.InputStream;

/**
 * A download in progress: the item's metadata and its content, decrypted and authenticated segment by segment
 * as it is read. Reading fails with an {@link IOException} if the stored ciphertext was tampered with.
 *
 * @param item    the item, with the download already counted
 * @param content the plaintext; the caller closes it
 */
public record Download(ItemInfo item, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
