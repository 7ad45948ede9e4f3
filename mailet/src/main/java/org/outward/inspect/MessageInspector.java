package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.tika.config.TikaConfig;
import org.outward.protect.ProtectionAssessor;
import org.outward.protect.verify.PasswordCheckReaders;
import org.outward.protect.verify.PasswordCheckSource;

/**
 * The inspection core's entry point: walks a message (or a lone file) and returns every part with its true
 * type, protection verdict and text, plus the findings of the walk.
 *
 * <p>One inspector serves many messages, from many threads; each call gets its own {@link InspectionRun}. Parts
 * are spooled to temp files in {@code java.io.tmpdir}, deleted before the call returns, except a plain text body,
 * which is judged from memory. Close the inspector to stop its worker threads.
 *
 * <pre>{@code
 * try (MessageInspector inspector = new MessageInspector(InspectionLimits.defaults(), assessor)) {
 *     Inspection inspection = inspector.inspect(rawMessage);
 * }
 * }</pre>
 */
public final class MessageInspector implements AutoCloseable {

    /** The shared, thread-safe machinery every run uses. */
    record Engine(TypeDetective detective, TextExtractor text, ArchiveExpander archives,
                  ProtectionAssessor assessor, PasswordCheckSource passwordChecks, TimeBox timeBox,
                  ParserIsolation isolation, ParserProcesses processes) {

        /**
         * The text of one part: plain text on the calling thread, else in a parser process when the isolation
         * says so, else on a worker thread of this JVM.
         */
        TextExtractor.Result extract(Path file, String detectedType, String fileName, int maxChars,
                                     java.time.Duration time, EmbeddedSpooler spooler, boolean plainText,
                                     OcrSettings ocr) {
            if (plainText) {
                return text.extractHere(file, detectedType, fileName, maxChars, time, spooler);
            }
            return isolation.forks(detectedType)
                    ? processes.extract(file, detectedType, fileName, maxChars, time, spooler, ocr)
                    : text.extract(file, detectedType, fileName, maxChars, time, spooler, ocr);
        }
    }

    private final InspectionLimits limits;
    private final Engine engine;
    private final TimeBox timeBox;
    private final ParserProcesses processes;
    /** Where each run's temp folder is made when a part needs a file. */
    private final Path tempParent;

    /** An inspector that parses untrusted files in parser processes ({@link ParserIsolation#defaults()}). */
    public MessageInspector(InspectionLimits limits, ProtectionAssessor assessor) {
        this(limits, assessor, ParserIsolation.defaults());
    }

    public MessageInspector(InspectionLimits limits, ProtectionAssessor assessor, ParserIsolation isolation) {
        this(limits, assessor, isolation, PasswordCheckReaders.defaults());
    }

    /**
     * @param passwordChecks where an encrypted attachment's own password check is read from (see
     *                       {@link InspectedPart#passwordCheck()})
     */
    public MessageInspector(InspectionLimits limits, ProtectionAssessor assessor, ParserIsolation isolation,
                            PasswordCheckSource passwordChecks) {
        this(limits, assessor, isolation, passwordChecks, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param tempParent where each run's temp folder is made, when one of its parts needs a file */
    MessageInspector(InspectionLimits limits, ProtectionAssessor assessor, ParserIsolation isolation,
                     PasswordCheckSource passwordChecks, Path tempParent) {
        this(limits, assessor, isolation, passwordChecks, tempParent, OcrAvailability.tesseract());
    }

    /**
     * @param ocr what this machine's OCR can do: the limits' OCR settings are cut down to it (off without
     *            Tesseract, which the log then says once)
     */
    MessageInspector(InspectionLimits limits, ProtectionAssessor assessor, ParserIsolation isolation,
                     PasswordCheckSource passwordChecks, Path tempParent, OcrAvailability ocr) {
        Objects.requireNonNull(passwordChecks, "passwordChecks");
        this.tempParent = Objects.requireNonNull(tempParent, "tempParent");
        Objects.requireNonNull(limits, "limits");
        this.limits = limits.withOcr(ocr.effective(limits.ocr()));
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(isolation, "isolation");
        TikaConfig tika = TikaConfig.getDefaultConfig();
        // Two workers per core: enough to overlap a stuck parser with new work, few enough to bound memory.
        this.timeBox = new TimeBox(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        this.processes = new ParserProcesses(isolation, timeBox);
        this.engine = new Engine(new TypeDetective(tika), new TextExtractor(tika, timeBox), new ArchiveExpander(),
                assessor, passwordChecks, timeBox, isolation, processes);
    }

    /** Inspects a raw RFC 5322 message. Never throws for bad content: that becomes findings and unknown verdicts. */
    public Inspection inspect(InputStream rawMessage) {
        Objects.requireNonNull(rawMessage, "rawMessage");
        try (InspectionRun run = new InspectionRun(engine, limits, tempParent)) {
            new MimeWalker(run).walk(rawMessage, "", 0, true);
            return run.result();
        } catch (IOException e) {
            throw new UncheckedIOException("inspection could not use its temp folder or read the message", e);
        }
    }

    /** Inspects one file as though it were the single attachment of a message: its path is {@code 1/<name>}. */
    public Inspection inspectFile(Path file, String fileName) {
        Objects.requireNonNull(file, "file");
        String name = fileName == null ? "" : fileName;
        try (InspectionRun run = new InspectionRun(engine, limits, tempParent);
             InputStream in = Files.newInputStream(file)) {
            run.spoolAndInspect(in, new InspectionRun.Source("1", name, "", InspectedPart.Disposition.ATTACHMENT, 0));
            return run.result();
        } catch (IOException e) {
            throw new UncheckedIOException("inspection could not read the file or use its temp folder", e);
        }
    }

    /** The limits inspections run within: those given, with OCR as far as this machine can do it. */
    public InspectionLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        processes.close();
        timeBox.close();
    }
}
