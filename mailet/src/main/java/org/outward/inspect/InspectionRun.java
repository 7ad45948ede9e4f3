package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.outward.protect.Protection;
import org.outward.protect.ProtectionLevel;
import org.outward.protect.verify.PasswordCheck;

/**
 * The state of one inspection: the parts and findings so far, the archive budget and the temp folder. One run
 * per message, never shared; everything it spooled is deleted by {@link #close()}.
 */
final class InspectionRun implements AutoCloseable {

    /** Where a spooled part came from. */
    record Source(String positions, String name, String declaredType, InspectedPart.Disposition disposition,
                  int depth, ArchiveBudget.Container within) {
        Source(String positions, String name, String declaredType, InspectedPart.Disposition disposition, int depth) {
            this(positions, name, declaredType, disposition, depth, null);
        }
    }

    private final MessageInspector.Engine engine;
    private final InspectionLimits limits;
    private final TempFolder temp;
    private final List<InspectedPart> parts = new ArrayList<>();
    private final List<InspectionFinding> findings = Collections.synchronizedList(new ArrayList<>());
    private final ArchiveBudget budget;
    private Protection messageProtection;

    /** @param tempParent where the run's temp folder is made, if one of its parts needs a file */
    InspectionRun(MessageInspector.Engine engine, InspectionLimits limits, Path tempParent) {
        this.engine = engine;
        this.limits = limits;
        this.temp = new TempFolder(tempParent);
        this.budget = new ArchiveBudget(limits, temp, findings::add);
    }

    InspectionLimits limits() {
        return limits;
    }

    void finding(FindingKind kind, String path, String detail) {
        findings.add(new InspectionFinding(kind, path, detail));
    }

    void messageProtection(Protection protection) {
        this.messageProtection = protection;
    }

    Inspection result() {
        synchronized (findings) {
            return new Inspection(parts.stream().filter(Objects::nonNull).toList(), findings,
                    Optional.ofNullable(messageProtection));
        }
    }

    /**
     * Spools a stream (a MIME body) within the part bound, then inspects it. A part that claims to be plain text
     * is first held in memory, and judged from there when it is whole and certainly plain text; any other part
     * goes to a file.
     */
    InspectedPart spoolAndInspect(InputStream body, Source source) throws IOException {
        InputStream content = body;
        if (PlainText.claimed(source.declaredType(), source.name())) {
            Spool.Held held = Spool.hold(body, (int) Math.min(PlainText.MAX_BYTES, limits.maxPartBytes()));
            if (held.whole() && PlainText.certainly(held.bytes())) {
                Optional<InspectedPart> inMemory = inspectText(held.bytes(), source);
                if (inMemory.isPresent()) {
                    return inMemory.get();
                }
            }
            content = held.replay(body);
        }
        Path file = budget.newFile();
        Spool.Result spool = Spool.copy(content, file, limits.maxPartBytes());
        String path = PartPaths.named(source.positions(), source.name());
        if (spool.cut()) {
            finding(FindingKind.PART_SIZE_LIMIT, path, "cut at " + limits.maxPartBytes() + " bytes (part limit)");
        }
        return inspect(file, spool, source);
    }

    /** Inspects one spooled part: true type, flags, protection, then its children or its text. */
    InspectedPart inspect(Path file, Spool.Result spool, Source source) {
        String path = PartPaths.named(source.positions(), source.name());
        if (spool.broken()) {
            finding(FindingKind.UNREADABLE, path, "content ended early, could not be decoded or failed its checksum");
        }
        // Plain text is also read on this thread (the checks stay boxed: an assessor may be anything): a
        // hand-over to a worker thread waits for a core, which on a busy machine costs more than the reading.
        boolean plain = PlainText.certainly(file, spool, source.declaredType(), source.name());
        String detected = plain ? "text/plain" : detect(file, source, path);
        // Inside a document or an Outlook message, a declared type is the parser's guess or the application's
        // label (a chart "declared" as a generic OLE object), not a sender's claim that could mislead a filter;
        // the name is still checked.
        String declared = source.disposition() == InspectedPart.Disposition.EMBEDDED ? "" : source.declaredType();
        Set<TypeFlag> flags = engine.detective().flags(judgedType(file, detected), declared, source.name(),
                spool.bytes() == 0, () -> !plain && PlainText.isText(file));
        if (!spool.cut() && spool.bytes() > 0 && engine.detective().isZipBased(detected) && !ZipEnd.present(file)) {
            finding(FindingKind.UNREADABLE, path, "truncated: the zip's central directory is missing");
        }
        if (!flags.isEmpty()) {
            finding(FindingKind.TYPE_MISMATCH, path, flags + "; detected " + detected
                    + (source.declaredType().isEmpty() ? "" : ", declared " + source.declaredType()));
        }
        long assessing = System.nanoTime();
        Protection protection = spool.cut() ? Protection.unknown("cut at part size limit") : assess(file, detected, source.name(), path);
        Optional<PasswordCheck> passwordCheck = source.disposition() == InspectedPart.Disposition.ATTACHMENT
                && encrypted(protection)
                ? passwordCheck(file, detected, limits.timePerPart().minusNanos(System.nanoTime() - assessing))
                : Optional.empty();

        // Parts are listed container first: hold this part's place while its children are added.
        int place = parts.size();
        parts.add(null);
        ExtractedText text = ExtractedText.EMPTY;
        boolean isMessage = detected.equals("message/rfc822") || source.declaredType().equals("message/rfc822");
        if (spool.bytes() == 0) {
            // Nothing to read: a parser would only fail on it (POI refuses an empty .doc).
            text = ExtractedText.EMPTY;
        } else if (!spool.cut() && isMessage) {
            walkAttachedMessage(file, path, source.depth());
        } else if (!spool.cut() && ArchiveExpander.isArchive(detected, file)) {
            text = expand(file, detected, source, path, protection);
        } else if (isImage(detected)) {
            text = limits.ocr().enabled() && !encrypted(protection) ? readImage(file, detected, source, path) : ExtractedText.EMPTY;
        } else if (readable(detected, protection)) {
            text = extract(file, detected, source, path, plain);
        }
        if (!spool.cut() && (protection.level() == ProtectionLevel.STRONG || protection.level() == ProtectionLevel.WEAK)) {
            // What an encrypted file carries in the clear (names, comments, bytes after its end) is judged too.
            ExtractedText exposed = ExposedText.of(file, limits.maxTextCharsPerPart());
            text = text.text().isEmpty() ? exposed
                    : new ExtractedText(text.text() + "\n" + exposed.text(), text.tables(), exposed.truncated());
        }
        InspectedPart part = new InspectedPart(path, source.name(), source.declaredType(), detected, spool.bytes(),
                source.disposition(), protection, text, flags, passwordCheck);
        parts.set(place, part);
        return part;
    }

    /**
     * Inspects a whole part held in memory that is certainly plain text, as {@link #inspect} would from a file:
     * the same type, flags, protection verdict and text. Empty when the protection assessor needs a file to
     * judge it; the caller then spools it.
     */
    private Optional<InspectedPart> inspectText(byte[] bytes, Source source) {
        String path = PartPaths.named(source.positions(), source.name());
        String detected = "text/plain";
        Optional<Protection> protection = engine.assessor().assessHead(
                org.outward.protect.FileHead.of(bytes), detected, source.name());
        if (protection.isEmpty()) {
            return Optional.empty();
        }
        String declared = source.disposition() == InspectedPart.Disposition.EMBEDDED ? "" : source.declaredType();
        Set<TypeFlag> flags = engine.detective().flags(detected, declared, source.name(), false, () -> false);
        if (!flags.isEmpty()) {
            finding(FindingKind.TYPE_MISMATCH, path, flags + "; detected " + detected
                    + (source.declaredType().isEmpty() ? "" : ", declared " + source.declaredType()));
        }
        // Listed before anything its parse may find, as every part is.
        int place = parts.size();
        parts.add(null);
        ExtractedText text = ExtractedText.EMPTY;
        if (readable(detected, protection.get())) {
            ArchiveBudget.Container container = budget.container(path, bytes.length, source.within());
            EmbeddedSpooler spooler = new EmbeddedSpooler(container, path);
            TextExtractor.Result result = engine.text().extractHere(bytes, detected, source.name(),
                    limits.maxTextCharsPerPart(), limits.timePerPart(), spooler);
            text = afterExtraction(result, path, source, container, UnaryOperator::identity);
        }
        InspectedPart part = new InspectedPart(path, source.name(), source.declaredType(), detected, bytes.length,
                source.disposition(), protection.get(), text, flags, Optional.empty());
        parts.set(place, part);
        return Optional.of(part);
    }

    /** The type the name is judged against; the detected one if the envelope cannot be read. */
    private String judgedType(Path file, String detected) {
        try {
            return engine.detective().judgedType(file, detected);
        } catch (IOException e) {
            return detected;
        }
    }

    private String detect(Path file, Source source, String path) {
        TimeBox.Outcome<String> detection = engine.timeBox().run(
                () -> engine.detective().detect(file, source.name()), limits.timePerPart(), () -> { });
        if (detection.timedOut()) {
            finding(FindingKind.TIME_LIMIT, path, "type detection");
        }
        return detection.ok() ? detection.value() : "application/octet-stream";
    }

    private Protection assess(Path file, String detected, String name, String path) {
        TimeBox.Outcome<Protection> outcome = engine.timeBox().run(
                () -> engine.assessor().assess(file, detected, name), limits.timePerPart(), () -> { });
        if (outcome.timedOut()) {
            finding(FindingKind.TIME_LIMIT, path, "protection check");
            return Protection.unknown("time limit reached");
        }
        if (outcome.failure() != null || outcome.value() == null) {
            return Protection.unknown("protection check failed");
        }
        return outcome.value();
    }

    /**
     * The encrypted file's own password check, in what is left of the part's time after the assessment. No
     * check is no finding: it only means a later password cannot be matched to this file.
     */
    private Optional<PasswordCheck> passwordCheck(Path file, String detected, Duration left) {
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        TimeBox.Outcome<Optional<PasswordCheck>> outcome = engine.timeBox().run(
                () -> engine.passwordChecks().read(file, detected), left, () -> { });
        return outcome.ok() && outcome.value() != null ? outcome.value() : Optional.empty();
    }

    private static boolean encrypted(Protection protection) {
        return protection.level() == ProtectionLevel.STRONG || protection.level() == ProtectionLevel.WEAK;
    }

    private void walkAttachedMessage(Path file, String path, int depth) {
        if (depth + 1 > limits.maxDepth()) {
            finding(FindingKind.DEPTH_LIMIT, path, "attached message at depth " + (depth + 1) + ", limit " + limits.maxDepth());
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            new MimeWalker(this).walk(in, path, depth + 1, false);
        } catch (IOException e) {
            finding(FindingKind.UNREADABLE, path, "attached message: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Lists an archive's entries and inspects each; returns the entry names as the archive's own text, since a
     * list of people can travel as the names of files as well as in them.
     */
    private ExtractedText expand(Path file, String detected, Source source, String path, Protection protection) {
        if (source.depth() + 1 > limits.maxDepth()) {
            finding(FindingKind.DEPTH_LIMIT, path, "archive at depth " + (source.depth() + 1) + ", limit " + limits.maxDepth());
            return ExtractedText.EMPTY;
        }
        long stored;
        try {
            stored = Files.size(file);
        } catch (IOException e) {
            stored = 0;
        }
        ArchiveBudget.Container container = budget.container(path, stored, source.within());
        TimeBox.Outcome<ArchiveExpander.Listing> outcome = engine.timeBox().run(
                () -> engine.archives().expand(file, detected, source.name(), path, container),
                limits.timePerPart(), () -> { });
        if (outcome.timedOut()) {
            finding(FindingKind.TIME_LIMIT, path, "archive expansion");
            return ExtractedText.EMPTY;
        }
        if (!outcome.ok()) {
            finding(FindingKind.UNREADABLE, path, "archive: " + outcome.failure().getClass().getSimpleName());
            return ExtractedText.EMPTY;
        }
        ArchiveExpander.Listing listing = outcome.value();
        if (listing.namesEncrypted()) {
            finding(FindingKind.ENCRYPTED_ENTRY, path, "entry names are encrypted too; nothing listed ("
                    + protection.level().word() + ")");
        }
        if (listing.problem() != null) {
            finding(FindingKind.UNREADABLE, path, "archive: " + listing.problem() + " after "
                    + listing.entries().size() + " entries");
        }
        int position = 0;
        for (ArchiveExpander.Entry entry : listing.entries()) {
            position++;
            Source child = new Source(PartPaths.child(path, position), entry.name(), "",
                    InspectedPart.Disposition.ARCHIVE_ENTRY, source.depth() + 1, container);
            if (encryptedByContainer(entry, protection)) {
                // Stored plainly but encrypted by the container's own scheme (an OpenDocument-style manifest).
                listUnopened(new ArchiveExpander.Entry(entry.name(), null, null, true), child, protection);
            } else if (entry.file() == null) {
                listUnopened(entry, child, protection);
            } else {
                inspect(entry.file(), entry.spool(), child);
            }
        }
        String names = listing.entries().stream().map(ArchiveExpander.Entry::name)
                .collect(java.util.stream.Collectors.joining("\n"));
        return names.isEmpty() ? ExtractedText.EMPTY : new ExtractedText(names, List.of(), false);
    }

    private static boolean encryptedByContainer(ArchiveExpander.Entry entry, Protection container) {
        return !entry.encrypted() && container.entries().stream().anyMatch(e -> e.name().equals(entry.name())
                && (e.level() == ProtectionLevel.STRONG || e.level() == ProtectionLevel.WEAK));
    }

    /** An entry that was not expanded: encrypted, or declared too large. Its name is metadata, kept. */
    private void listUnopened(ArchiveExpander.Entry entry, Source child, Protection container) {
        String path = PartPaths.named(child.positions(), child.name());
        Protection protection;
        if (entry.encrypted()) {
            finding(FindingKind.ENCRYPTED_ENTRY, path, "encrypted entry not opened");
            protection = container.entries().stream()
                    .filter(e -> e.name().equals(entry.name()))
                    .findFirst()
                    .map(e -> Protection.of(e.level(), e.scheme()))
                    .orElse(encrypted(container)
                            ? Protection.of(container.level(), container.scheme())
                            : Protection.unknown("encrypted entry; container gave no verdict for it"));
        } else {
            protection = Protection.unknown("not expanded");
        }
        parts.add(new InspectedPart(path, child.name(), "", "application/octet-stream", 0, child.disposition(),
                protection, ExtractedText.EMPTY, Set.of(), Optional.empty()));
    }

    private static boolean readable(String detected, Protection protection) {
        if (encrypted(protection)) {
            return false;
        }
        if (detected.equals("application/x-tika-ooxml-protected")) {
            // Encrypted with a key anyone has (Excel's default password): Tika's parser opens it with that key.
            return protection.level() == ProtectionLevel.NONE;
        }
        if (isImage(detected) || detected.startsWith("audio/") || detected.startsWith("video/")) {
            return false;
        }
        return !Set.of("application/octet-stream", "application/x-tika-ooxml-protected", "application/pkcs7-mime",
                "application/pkcs7-signature", "application/pgp-encrypted", "application/x-msdownload",
                "application/x-executable").contains(detected);
    }

    private static boolean isImage(String detected) {
        return detected.startsWith("image/");
    }

    /**
     * An image's text by OCR. The gateway reads only the size its header declares ({@link ImageHeader}): one too
     * small to hold a list, or of a type no decoder here knows, is skipped here, at no cost, and one over the
     * pixel limit is a finding, which the not-fully-inspected rule judges. Everything else is read where
     * documents are parsed: there it is decoded (a HEIC photo too), screened ({@link ImageScreen}) and read by OCR
     * if it could hold a list, within the part's time and the parser process's heap, so that an image that
     * expands to gigapixels costs the gateway nothing. A photo or scan ({@link PhotoFormats}) that no decoder here
     * reads is not fully inspected; any other image no decoder knows (an icon, a metafile) is judged as without OCR.
     */
    private ExtractedText readImage(Path file, String detected, Source source, String path) {
        Optional<ImageScreen.Screen> known = ImageHeader.screen(file, detected, limits.ocr().maxPixels());
        if (known.isPresent()) {
            return screened(known.get(), path);
        }
        Parse parse = parse(file, detected, source, path, false);
        if (parse.result().screen() != null) {
            screened(parse.result().screen(), path);
        }
        return afterExtraction(parse.result(), path, source, parse.container(), UnaryOperator::identity);
    }

    /** Counts and reports what the screen decided; no text comes of it. */
    private ExtractedText screened(ImageScreen.Screen screen, String path) {
        switch (screen.verdict()) {
            case READ -> OcrCounts.countRead();
            case TOO_LARGE -> finding(FindingKind.PART_SIZE_LIMIT, path, "not read by OCR: " + screen.why());
            case UNREADABLE -> finding(FindingKind.UNREADABLE, path, "not read by OCR: " + screen.why());
            // Cannot hold a list, or an icon or metafile no decoder knows: judged as without OCR.
            case SKIP, NO_DECODER -> OcrCounts.countSkipped();
        }
        return ExtractedText.EMPTY;
    }

    /** A part's parse, and the container and spooler its embedded files are booked in. */
    private record Parse(TextExtractor.Result result, ArchiveBudget.Container container, EmbeddedSpooler spooler) {
    }

    private Parse parse(Path file, String detected, Source source, String path, boolean plain) {
        ArchiveBudget.Container container;
        try {
            container = budget.container(path, Files.size(file), source.within());
        } catch (IOException e) {
            container = budget.container(path, 0, source.within());
        }
        EmbeddedSpooler spooler = new EmbeddedSpooler(container, path, limits.ocr().enabled());
        return new Parse(engine.extract(file, detected, source.name(), limits.maxTextCharsPerPart(),
                limits.timePerPart(), spooler, plain, limits.ocr()), container, spooler);
    }

    private ExtractedText extract(Path file, String detected, Source source, String path, boolean plain) {
        Parse parse = parse(file, detected, source, path, plain);
        TextExtractor.Result result = parse.result();
        if (result.failed() != null && !result.timedOut() && isXml(detected) && PlainText.isText(file)) {
            // Markup an XML parser refuses (an undeclared prefix, a bare ampersand) is still text, and all of it
            // is read as such: nothing stays unread.
            result = engine.extract(file, "text/plain", source.name(), limits.maxTextCharsPerPart(),
                    limits.timePerPart(), parse.spooler(), true, OcrSettings.off());
        }
        if (result.screen() != null) {
            // A PDF's page images that OCR could not decode.
            screened(result.screen(), path);
        }
        return afterExtraction(result, path, source, parse.container(), () -> TnefCodePage.names(file, detected));
    }

    /**
     * Records what a parse ran into and inspects the embedded files it found, named by {@code names} (worked
     * out only when there are some); returns the part's text.
     */
    private ExtractedText afterExtraction(TextExtractor.Result result, String path, Source source,
                                          ArchiveBudget.Container container, Supplier<UnaryOperator<String>> names) {
        if (result.limitReached()) {
            finding(FindingKind.TEXT_LIMIT, path, "text cut at " + limits.maxTextCharsPerPart() + " characters");
        }
        if (result.timedOut()) {
            finding(FindingKind.TIME_LIMIT, path, "text extraction; text so far kept");
        }
        if (result.failed() != null) {
            finding(FindingKind.UNREADABLE, path, "text extraction: " + result.failed());
        }
        // Embedded files only become parts when the parse finished: an abandoned parser may still be writing.
        if (!result.timedOut()) {
            List<EmbeddedSpooler.Embedded> embedded = result.embedded();
            if (!embedded.isEmpty() && source.depth() + 1 > limits.maxDepth()) {
                finding(FindingKind.DEPTH_LIMIT, path, embedded.size() + " embedded files at depth "
                        + (source.depth() + 1) + ", limit " + limits.maxDepth());
            } else if (!embedded.isEmpty()) {
                UnaryOperator<String> named = names.get();
                int position = 0;
                for (EmbeddedSpooler.Embedded e : embedded) {
                    position++;
                    inspect(e.file(), e.spool(), new Source(PartPaths.child(path, position), named.apply(e.name()),
                            declared(e.declaredType()), InspectedPart.Disposition.EMBEDDED, source.depth() + 1,
                            container));
                }
            }
        }
        return result.text();
    }

    private static boolean isXml(String type) {
        return type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml");
    }

    private static String declared(String type) {
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        temp.close();
    }
}
