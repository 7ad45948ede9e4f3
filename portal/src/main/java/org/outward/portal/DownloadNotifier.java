package org.outward.portal;

import java.io.IOException;

import org.outward.vault.ItemInfo;

/** Tells a sender, once, that the recipient has downloaded the file. */
public interface DownloadNotifier {

    /** A notifier that tells nobody. */
    DownloadNotifier NONE = item -> { };

    /** Called once per item, after its first download was counted. */
    void firstDownload(ItemInfo item) throws IOException;
}
