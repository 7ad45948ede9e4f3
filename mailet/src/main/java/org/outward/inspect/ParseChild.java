package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.Parser;

/**
 * The main of a parser process (see {@link ParserProcesses}): reads parse requests from standard input, parses
 * each file with Tika exactly as the gateway would in-process, and writes the text back on standard output.
 * Embedded files are spooled where the gateway says, so they count against the inspection's limits there.
 *
 * <p>It runs with a small heap and exits on running out of memory, and it ends when the gateway's process ends
 * (its standard input closes or its parent exits), so a stuck parse never outlives the gateway; when its parent
 * exits it takes the programs it started (Tesseract, the HEIF decoder) with it.
 *
 * <p>With {@value #WARM_UP}, it parses the built-in sample mix ({@link WarmUp}) on a thread of its own, starting
 * after its first reply (the gateway starts a process when a part needs one, so that part is parsed first, alone)
 * and taking turns with the requests that follow: a part waits at most for the one sample being parsed, never for
 * the whole warm-up, and never shares the CPU with it. Each reply says how the warm-up went once it has ended.
 */
public final class ParseChild {

    /** Argument: warm up at start. */
    static final String WARM_UP = "--warm-up";

    /** Argument: warm up, print the report on standard error and exit, serving nothing (to record its classes). */
    static final String WARM_UP_ONLY = "--warm-up-only";

    /** Time a warm-up sample may take before it is given up. */
    private static final Duration WARM_UP_TIME_PER_SAMPLE = Duration.ofSeconds(30);

    private ParseChild() {
    }

    public static void main(String[] args) throws IOException {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> {
            ProcessTree.killBelowCurrent();
            Runtime.getRuntime().halt(0);
        }));
        if (List.of(args).contains(WARM_UP_ONLY)) {
            System.err.println("Parser process warm-up: " + new WarmUp(
                    ParsersByType.of(TikaConfig.getDefaultConfig().getParser()), WARM_UP_TIME_PER_SAMPLE,
                    new ReentrantLock()).run(WarmUpSamples.builtIn()));
            return;
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // Standard output is the wire: anything a library prints must go elsewhere.
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        Parser parser = ParsersByType.of(TikaConfig.getDefaultConfig().getParser());
        AtomicReference<WarmUp.Report> warmed = new AtomicReference<>();
        Lock turn = new ReentrantLock(true);
        Thread warmUp = new Thread(() -> warmed.set(
                new WarmUp(parser, WARM_UP_TIME_PER_SAMPLE, turn).run(WarmUpSamples.builtIn())), "warm-up");
        warmUp.setDaemon(true);
        boolean warmUpWanted = List.of(args).contains(WARM_UP);
        out.writeByte(ParseWire.READY);
        out.flush();
        while (true) {
            int op;
            try {
                op = in.readByte();
            } catch (EOFException e) {
                return;
            }
            if (op != ParseWire.PARSE) {
                throw new IOException("parser process wire out of step");
            }
            Path file = Path.of(ParseWire.readString(in));
            String type = ParseWire.readString(in);
            String name = ParseWire.readString(in);
            int maxChars = in.readInt();
            OcrSettings ocr = ParseWire.readOcr(in);
            TextCollector collector = new TextCollector(maxChars);
            String failed = "";
            ImageScreen.Screen screen = null;
            turn.lock();
            try {
                screen = TextExtractor.parse(parser, file, type, name, collector, new RemoteSpooler(in, out, ocr.enabled()), ocr);
            } catch (UncheckedIOException e) {
                // The wire itself broke: the gateway is gone or gave up on this parse.
                return;
            } catch (Exception | StackOverflowError e) {
                failed = TextExtractor.describe(parser, type, e);
            } finally {
                turn.unlock();
            }
            out.writeByte(ParseWire.DONE);
            out.writeBoolean(collector.limitReached());
            ParseWire.writeString(out, failed);
            ParseWire.writeText(out, collector.result(!failed.isEmpty()));
            ParseWire.writeScreen(out, screen);
            ParseWire.writeWarmUp(out, warmed.get());
            out.flush();
            if (warmUpWanted && warmUp.getState() == Thread.State.NEW) {
                warmUp.start();
            }
        }
    }

    /** Embedded files go into slots the gateway hands out, and are booked there. */
    private static final class RemoteSpooler extends EmbeddedSpooler {
        private final DataInputStream in;
        private final DataOutputStream out;

        RemoteSpooler(DataInputStream in, DataOutputStream out, boolean images) {
            super(null, "", images);
            this.in = in;
            this.out = out;
        }

        @Override
        ArchiveBudget.Slot reserve() {
            try {
                out.writeByte(ParseWire.SLOT);
                out.flush();
                if (!in.readBoolean()) {
                    return null;
                }
                Path file = Path.of(ParseWire.readString(in));
                long maxBytes = in.readLong();
                return new ArchiveBudget.Slot("", file, maxBytes, FindingKind.PART_SIZE_LIMIT, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void keep(ArchiveBudget.Slot slot, String name, String declaredType, Spool.Result result) {
            try {
                out.writeByte(ParseWire.KEPT);
                ParseWire.writeString(out, name);
                ParseWire.writeString(out, declaredType);
                out.writeLong(result.bytes());
                out.writeBoolean(result.cut());
                out.writeBoolean(result.broken());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
