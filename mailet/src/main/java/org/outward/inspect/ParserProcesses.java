package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses untrusted files in separate, small JVMs ({@link ParseChild}), so that a parser that loops or runs out
 * of memory costs one part's inspection and never the gateway: the process is killed at the part's time limit,
 * or dies of its own heap limit, and the part is reported as {@link FindingKind#TIME_LIMIT} or
 * {@link FindingKind#UNREADABLE}, which the policy holds. A fresh process replaces it for the next part. A
 * process is killed with the programs it started (Tesseract, the HEIF decoder; {@link ProcessTree}), at a time
 * limit and when the processes are closed at the gateway's shutdown; and since each leads a process group of its
 * own ({@link ProcessGroup}), those programs are killed too when it has died by itself, out of memory.
 *
 * <p>At most {@code processes} parses run at once; a part waits for a free process, which bounds the memory all
 * parsing takes to {@code processes} times the heap given to each. Processes are started when first needed and
 * then kept for the following parts, so the JVM's start and Tika's set-up are paid once, not per part. They run
 * the quick compiler only; parts of {@link ParserIsolation#largePartBytes()} or more go to one process of their
 * own that keeps the optimising compiler, which a large workbook repays and an everyday attachment does not
 * (to an ordinary process when another large part has it).
 *
 * <p>Processes warm up after their first part, when the isolation says so ({@link WarmUp}, {@link ParseChild});
 * the first reply after the warm-up has ended carries its {@link WarmUp.Report}, which goes to the report sink
 * (by default the log). A part waits at most for one warm-up sample, never for the whole warm-up.
 */
final class ParserProcesses implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParserProcesses.class);

    /** The variables every JVM launched reads options from. */
    private static final List<String> GATEWAY_JVM_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** Exit status of a JVM run with {@code -XX:+ExitOnOutOfMemoryError} that ran out of memory. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private final ParserIsolation isolation;
    private final TimeBox timeBox;
    private final Pool ordinary;
    private final Pool large;
    private final Set<Child> all = ConcurrentHashMap.newKeySet();
    private final Consumer<WarmUp.Report> warmUps;
    private final String classPath;
    private final ClassArchive archive;
    private volatile boolean closed;

    /** Processes of one kind: how many may parse at once, and those waiting for a part. */
    private record Pool(Semaphore free, ConcurrentLinkedDeque<Child> idle, boolean optimising) {
        Pool(int processes, boolean optimising) {
            this(new Semaphore(processes, true), new ConcurrentLinkedDeque<>(), optimising);
        }
    }

    /** Warm-up reports go to the log. */
    ParserProcesses(ParserIsolation isolation, TimeBox timeBox) {
        this(isolation, timeBox, ParserProcesses::log);
    }

    /** @param warmUps where each process's warm-up report goes, once, when the process first replies after it */
    ParserProcesses(ParserIsolation isolation, TimeBox timeBox, Consumer<WarmUp.Report> warmUps) {
        this(isolation, timeBox, warmUps, classPath());
    }

    /** @param classPath the parser processes' class path, by default the gateway's (see {@link #classPath()}) */
    ParserProcesses(ParserIsolation isolation, TimeBox timeBox, Consumer<WarmUp.Report> warmUps, String classPath) {
        this.classPath = classPath;
        this.warmUps = warmUps;
        this.isolation = isolation;
        this.archive = isolation.classArchiveFolder() == null ? ClassArchive.none()
                : ClassArchive.in(isolation.classArchiveFolder(), classPath);
        this.timeBox = timeBox;
        this.ordinary = new Pool(isolation.processes(), false);
        this.large = new Pool(1, true);
    }

    /** As {@link TextExtractor#extract}, in a parser process; the time includes waiting for the process to start. */
    TextExtractor.Result extract(Path file, String detectedType, String fileName, int maxChars, Duration time,
                                 EmbeddedSpooler spooler) {
        return extract(file, detectedType, fileName, maxChars, time, spooler, OcrSettings.off());
    }

    /** As {@link #extract(Path, String, String, int, Duration, EmbeddedSpooler)}, reading images with OCR as asked. */
    TextExtractor.Result extract(Path file, String detectedType, String fileName, int maxChars, Duration time,
                                 EmbeddedSpooler spooler, OcrSettings ocr) {
        // A large part takes the process for large parts when it is free, and an ordinary one when another
        // large part has it: two large attachments are not parsed one after the other.
        Pool pool = isLarge(file) && large.free().tryAcquire() ? large : ordinary;
        if (pool == ordinary) {
            try {
                ordinary.free().acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(spooler, true, null);
            }
        }
        Semaphore free = pool.free();
        ConcurrentLinkedDeque<Child> idle = pool.idle();
        Child child = null;
        boolean healthy = false;
        try {
            child = idle.pollFirst();
            if (child == null) {
                child = start(pool.optimising());
            }
            Child running = child;
            TimeBox.Outcome<Reply> outcome = timeBox.run(
                    () -> running.parse(file, detectedType, fileName, maxChars, spooler, ocr), time, running::kill);
            if (outcome.ok()) {
                healthy = true;
                Reply reply = outcome.value();
                return new TextExtractor.Result(reply.text(), spooler.found(), reply.limitReached(), false,
                        reply.failed().isEmpty() ? null : reply.failed(), reply.screen());
            }
            return failed(spooler, outcome.timedOut(), outcome.timedOut() ? null : running.whyEnded());
        } catch (IOException e) {
            ParserProcessLosses.lost();
            return failed(spooler, false, "ParserProcessNotStarted");
        } finally {
            if (child != null) {
                if (healthy && !closed) {
                    idle.addFirst(child);
                } else {
                    if (!healthy) {
                        ParserProcessLosses.lost();
                    }
                    child.kill();
                }
            }
            free.release();
        }
    }

    private static void log(WarmUp.Report report) {
        if (report.failed().isEmpty()) {
            LOG.info("Parser process warmed up: {}", report);
        } else {
            LOG.warn("Parser process warm-up incomplete, the process parses as usual: {}", report);
        }
    }

    private boolean isLarge(Path file) {
        try {
            return Files.size(file) >= isolation.largePartBytes();
        } catch (IOException e) {
            return false; // an ordinary process then, which reports the part if it cannot be read
        }
    }

    private static TextExtractor.Result failed(EmbeddedSpooler spooler, boolean timedOut, String why) {
        return new TextExtractor.Result(new ExtractedText("", List.of(), true), spooler.found(), false, timedOut, why);
    }

    private Child start(boolean optimising) throws IOException {
        List<String> jvm = archive.jvmOptions(
                partial -> command(false, List.of("-XX:ArchiveClassesAtExit=" + partial), ParseChild.WARM_UP_ONLY));
        // The process's log (its libraries' complaints) is shown where the gateway's is, and not when the gateway's
        // log is off: the command-line tools silence theirs.
        // A group of its own, so that what it starts ends with it even when it has died by itself (ProcessGroup).
        ProcessBuilder builder = new ProcessBuilder(ProcessGroup.leading(
                command(optimising, jvm, isolation.warmUp() ? ParseChild.WARM_UP : null)))
                .redirectError(LOG.isErrorEnabled() ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD);
        // JVM options in the environment are the gateway's (the compose files give it -Xms1g -Xmx2g): in a parser
        // process an initial heap above its own maximum would stop it at start.
        builder.environment().keySet().removeAll(GATEWAY_JVM_OPTIONS);
        Process process = builder.start();
        Child child = new Child(process);
        all.add(child);
        if (closed) {
            child.kill();
        }
        return child;
    }

    /** The command line of a parser process, with these JVM options and this one argument (or none). */
    private List<String> command(boolean optimising, List<String> jvmOptions, String argument) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + isolation.heapMegabytes() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // One parse at a time per process: a small collector and few compiler threads leave the cores to mail.
        // Only the quick compiler for ordinary parts: each process compiles PDFBox, POI and Tika again, and the
        // optimising compiler's work on them cost more than it won back (docs/performance.md, typical mix);
        // a large part's parse runs long enough to repay it.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:CICompilerCount=2");
        if (!optimising) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        // Standard output is the wire: the JVM's own warnings (a class archive it refuses, say) go to standard error.
        command.add("-Xlog:disable");
        command.add("-Xlog:all=warning:stderr");
        command.add("-XX:+DisplayVMOutputToStderr");
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classPath);
        command.add(ParseChild.class.getName());
        if (argument != null) {
            command.add(argument);
        }
        return command;
    }

    /**
     * The gateway's class path; and when James loaded this class from elsewhere (its {@code extensions-jars}
     * folder, which is not on the class path), every jar of that folder, where the libraries it needs lie too.
     */
    private static String classPath() {
        String path = System.getProperty("java.class.path", "");
        try {
            var source = ParserProcesses.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path own = Path.of(source.getLocation().toURI());
                if (!List.of(path.split(File.pathSeparator)).contains(own.toString())) {
                    String entry = Files.isRegularFile(own) ? own.resolveSibling("*").toString() : own.toString();
                    path = path.isEmpty() ? entry : path + File.pathSeparator + entry;
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // The class path alone then; a process that cannot start makes its part unreadable, never unjudged.
        }
        return path;
    }

    @Override
    public void close() {
        closed = true;
        for (Child child : all) {
            child.kill();
        }
    }

    private record Reply(ExtractedText text, boolean limitReached, String failed, ImageScreen.Screen screen) {
    }

    /** One parser process and its wire. */
    private final class Child {
        private final Process process;
        private final DataOutputStream out;
        private final DataInputStream in;
        private boolean ready;
        private boolean warmUpReported;

        Child(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        Reply parse(Path file, String detectedType, String fileName, int maxChars, EmbeddedSpooler spooler,
                    OcrSettings ocr) throws IOException {
            if (!ready) {
                expect(ParseWire.READY);
                ready = true;
            }
            out.writeByte(ParseWire.PARSE);
            ParseWire.writeString(out, file.toString());
            ParseWire.writeString(out, detectedType);
            ParseWire.writeString(out, fileName);
            out.writeInt(maxChars);
            ParseWire.writeOcr(out, ocr);
            out.flush();
            ArchiveBudget.Slot slot = null;
            while (true) {
                int op = in.readByte();
                if (op == ParseWire.SLOT) {
                    slot = spooler.reserve();
                    out.writeBoolean(slot != null);
                    if (slot != null) {
                        ParseWire.writeString(out, slot.file().toString());
                        out.writeLong(slot.maxBytes());
                    }
                    out.flush();
                } else if (op == ParseWire.KEPT) {
                    String name = ParseWire.readString(in);
                    String type = ParseWire.readString(in);
                    Spool.Result result = new Spool.Result(in.readLong(), in.readBoolean(), in.readBoolean());
                    if (slot == null) {
                        throw new IOException("parser process wire out of step");
                    }
                    spooler.keep(slot, name, type, result);
                    slot = null;
                } else if (op == ParseWire.DONE) {
                    boolean limitReached = in.readBoolean();
                    String failed = ParseWire.readString(in);
                    ExtractedText text = ParseWire.readText(in);
                    Reply reply = new Reply(text, limitReached, failed, ParseWire.readScreen(in));
                    WarmUp.Report warmUp = ParseWire.readWarmUp(in);
                    if (warmUp != null && !warmUpReported) {
                        warmUpReported = true;
                        warmUps.accept(warmUp);
                    }
                    return reply;
                } else {
                    throw new IOException("parser process wire out of step");
                }
            }
        }

        private void expect(int op) throws IOException {
            if (in.readByte() != op) {
                throw new IOException("parser process wire out of step");
            }
        }

        /** Why the process ended, for the finding; never content. */
        String whyEnded() {
            try {
                if (process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() == OUT_OF_MEMORY_EXIT) {
                    return "ParserProcessOutOfMemory";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "ParserProcessEnded";
        }

        void kill() {
            ProcessTree.kill(process.toHandle());
            // Once the process has died (of its own heap limit, say), its Tesseract is no longer its descendant.
            ProcessGroup.kill(process.toHandle());
            all.remove(this);
        }
    }
}
