package org.outward.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The code page a winmail.dat (TNEF) names its attachments in. Outlook writes attachment titles in the sender's
 * Windows code page and says which in the stream's {@code attOemCodepage} attribute ([MS-OXTNEF] 2.1.3.3);
 * the reader Tika uses takes every title as Latin-1, so a Russian, Greek or Japanese sender's
 * {@code члены.csv} would reach notices and the audit as {@code ÷ëåíû.csv}. The titles are read again in the
 * announced code page. Only the attributes' headers are read, skipping their data, so a large message body costs
 * nothing.
 */
final class TnefCodePage {

    private static final int SIGNATURE = 0x223E9F78;
    private static final int ATT_OEM_CODEPAGE = 0x00069007;
    private static final int LEVEL_MESSAGE = 1;
    /** Message-level attributes come first; past this many headers, the stream says no code page. */
    private static final int MAX_ATTRIBUTES = 64;

    private TnefCodePage() {
    }

    /** How this container's embedded names are to be read: as they are, unless it is a TNEF with a code page. */
    static UnaryOperator<String> names(Path file, String detectedType) {
        if (!"application/vnd.ms-tnef".equals(detectedType)) {
            return UnaryOperator.identity();
        }
        return charsetOf(file).<UnaryOperator<String>>map(cs -> name -> reread(name, cs))
                .orElse(UnaryOperator.identity());
    }

    /** The charset of the stream's OEM code page, when it names one Java knows and it is not Latin-1 already. */
    static Optional<Charset> charsetOf(Path file) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
            head.limit(6);
            if (in.read(head, 0) < 6 || head.getInt(0) != SIGNATURE) {
                return Optional.empty();
            }
            long at = 6;
            for (int i = 0; i < MAX_ATTRIBUTES && at + 9 <= in.size(); i++) {
                head.clear();
                if (in.read(head, at) < 9) {
                    return Optional.empty();
                }
                int level = head.get(0);
                int id = head.getInt(1);
                long length = Integer.toUnsignedLong(head.getInt(5));
                if (level != LEVEL_MESSAGE) {
                    return Optional.empty();
                }
                if (id == ATT_OEM_CODEPAGE && length >= 4) {
                    ByteBuffer page = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                    in.read(page, at + 9);
                    return charsetFor(page.getInt(0));
                }
                at += 9 + length + 2; // header, data, checksum
            }
        } catch (IOException e) {
            // Unreadable here means the names stay as Tika read them; the walk judges the stream itself.
        }
        return Optional.empty();
    }

    private static Optional<Charset> charsetFor(int codePage) {
        if (codePage == 1252 || codePage == 28591 || codePage <= 0) {
            return Optional.empty();
        }
        for (String name : new String[] {"windows-" + codePage, "cp" + codePage, "x-windows-" + codePage,
                "MS" + codePage, "x-mswin-" + codePage}) {
            try {
                return Optional.of(Charset.forName(name));
            } catch (IllegalArgumentException unknown) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    /** A title read as Latin-1, read again in the code page; a title with characters beyond Latin-1 is kept. */
    static String reread(String latin1, Charset charset) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xFF) {
                return latin1;
            }
        }
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), charset);
    }
}
