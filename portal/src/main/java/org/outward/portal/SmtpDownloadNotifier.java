package org.outward.portal;

import java.io.IOException;
import java.util.Optional;

import org.outward.submission.PortalCredential;
import org.outward.vault.ItemInfo;

/** Emails the sender, in English and Welsh, when the recipient first downloads the file. */
public final class SmtpDownloadNotifier implements DownloadNotifier {

    /** The {@code X-Outward-Portal} value on these notices. */
    public static final String HEADER_VALUE = "first-download";

    private final SmtpSubmission smtp;

    /** Sends through {@code host:port} from {@code from} without logging in: the gateway judges it. */
    public SmtpDownloadNotifier(String host, int port, String from) {
        this(host, port, from, Optional.empty());
    }

    /** Sends through the gateway's portal listener at {@code host:port}, logged in with the portal's login. */
    public SmtpDownloadNotifier(String host, int port, String from, Optional<PortalCredential> login) {
        this.smtp = new SmtpSubmission(host, port, from, login);
    }

    @Override
    public void firstDownload(ItemInfo item) throws IOException {
        String english = "The file " + item.fileName() + " that you sent to " + item.recipient()
                + " has been downloaded for the first time (" + Formats.time(item.events().get(item.events().size() - 1).at(), "en")
                + ").\nYou can see its history or withdraw it with the management link you were sent.\n";
        String welsh = "Mae'r ffeil " + item.fileName() + " a anfonoch chi at " + item.recipient()
                + " wedi'i lawrlwytho am y tro cyntaf (" + Formats.time(item.events().get(item.events().size() - 1).at(), "cy")
                + ").\nGallwch weld ei hanes neu ei thynnu'n ôl gyda'r ddolen reoli a anfonwyd atoch.\n";
        smtp.send(item.sender(), "Your file has been downloaded / Mae eich ffeil wedi'i lawrlwytho",
                english + "\n----\n\n" + welsh, HEADER_VALUE);
    }
}
