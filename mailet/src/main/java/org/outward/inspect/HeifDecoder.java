package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a HEIC or HEIF photo (what iPhones take) or an AVIF photo (what Android phones may take) into a PNG that the screen and Tesseract read like any image,
 * with libheif's own tools ({@code heif-info}, {@code heif-convert}), run by the parser process: they end with it
 * when it is killed at the part's time limit ({@link ProcessTree}). The size the photo declares is read first,
 * and a photo over the pixel limit is never decoded, which bounds the decoder's memory as the limit bounds
 * Tesseract's. Without the decoder, or when it fails, the photo is {@link ImageScreen.Verdict#UNREADABLE}: a
 * photo of a list must not pass as an image without text.
 */
final class HeifDecoder {

    /** AVIF is HEIF with AV1 pictures: libheif decodes it with dav1d or libaom, on which Debian's libheif1 depends. */
    private static final Set<String> TYPES = Set.of("image/heic", "image/heif", "image/heic-sequence",
            "image/heif-sequence", "image/avif", "image/avif-sequence");

    /** heif-info's line for the image a viewer shows: {@code image: 4032x3024 (id=49), primary}. */
    private static final Pattern PRIMARY = Pattern.compile("(?m)^image: (\\d+)x(\\d+) .*primary");

    /** Room for heif-info's listing of a photo with many thumbnails and auxiliary images. */
    private static final int MAX_LISTING = 64 * 1024;

    /** A PNG to read, or why there is none. */
    record Decoded(Path png, ImageScreen.Screen refused) {
    }

    private final String program;

    /** @param program {@code heif-convert}, by name on the PATH or by path; empty for none */
    HeifDecoder(String program) {
        this.program = program;
    }

    static boolean handles(String detectedType) {
        return TYPES.contains(detectedType);
    }

    /** The photo as a PNG beside it, within {@code time}, if it declares at most {@code maxPixels}. */
    Decoded toPng(Path photo, long maxPixels, Duration time) throws IOException, InterruptedException {
        if (program.isEmpty()) {
            return refused(ImageScreen.Verdict.UNREADABLE,
                    "HEIC/HEIF/AVIF photo: no HEIF decoder on this machine (install libheif-examples)");
        }
        long deadline = System.nanoTime() + time.toNanos();
        Path folder = photo.toAbsolutePath().getParent();
        Run info = run(List.of(sibling("heif-info"), photo.toString()), folder, deadline);
        Matcher primary = PRIMARY.matcher(info.output());
        if (!info.ok() || !primary.find()) {
            return refused(ImageScreen.Verdict.UNREADABLE, "HEIC/HEIF/AVIF photo: " + info.why("heif-info"));
        }
        long width = Long.parseLong(primary.group(1));
        long height = Long.parseLong(primary.group(2));
        if (width * height > maxPixels) {
            return refused(ImageScreen.Verdict.TOO_LARGE, width + "x" + height + " pixels, OCR limit " + maxPixels);
        }
        Path png = Files.createTempFile(folder, "heif-", ".png");
        // No options: libheif 1.12 (Ubuntu 22.04, the Docker images) knows fewer than Debian 12's.
        Run convert = run(List.of(program, photo.toString(), png.toString()), folder, deadline);
        if (!convert.ok() || Files.size(png) == 0) {
            Files.deleteIfExists(png);
            return refused(ImageScreen.Verdict.UNREADABLE, "HEIC/HEIF/AVIF photo: " + convert.why("heif-convert"));
        }
        return new Decoded(png, null);
    }

    private static Decoded refused(ImageScreen.Verdict verdict, String why) {
        return new Decoded(null, new ImageScreen.Screen(verdict, why));
    }

    /** heif-info, from where heif-convert was found: both come from the same package. */
    private String sibling(String name) {
        Path named = Path.of(program);
        return named.getParent() == null ? name : named.resolveSibling(name).toString();
    }

    /** How a tool's run ended; its output is read only for sizes, never reported (it may name the file). */
    private record Run(boolean started, boolean finished, int exit, String output) {
        boolean ok() {
            return started && finished && exit == 0;
        }

        String why(String tool) {
            if (!started) {
                return "'" + tool + "' not found (install libheif-examples)";
            }
            return finished ? tool + " failed (exit " + exit + ")" : tool + " ran out of time";
        }
    }

    /** Runs a tool until it ends or the deadline passes; its output goes to a file, so it never waits on a pipe. */
    private static Run run(List<String> command, Path folder, long deadline) throws IOException, InterruptedException {
        Path output = Files.createTempFile(folder, "heif-", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return new Run(false, false, -1, "");
            }
            try {
                boolean finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                byte[] listing;
                try (InputStream in = Files.newInputStream(output)) {
                    listing = in.readNBytes(MAX_LISTING);
                }
                return new Run(true, finished, finished ? process.exitValue() : -1,
                        new String(listing, StandardCharsets.UTF_8));
            } finally {
                ProcessTree.kill(process.toHandle());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
