package org.outward.inspect;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this machine can do the OCR a policy asks for: Tesseract on the PATH, with the language data named.
 * Asked once per JVM (a policy reload asks again for nothing). When it cannot, OCR is off and the log says so,
 * once, with why: images are then judged as they were before OCR, and nothing is held because of it. A language
 * whose data is missing is left out, with a warning, while others remain. Without the HEIF decoder
 * ({@code heif-convert}), OCR runs but HEIC, HEIF and AVIF photos cannot be read, which the log says once: such a
 * photo is not fully inspected.
 */
final class OcrAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(OcrAvailability.class);

    private static final OcrAvailability TESSERACT = new OcrAvailability("tesseract", OcrSettings.HEIF_CONVERT);

    /** What was found: the installed languages, or why there is no Tesseract. */
    record Installed(Set<String> languages, String missing) {
    }

    private final String program;
    private final String heifDecoder;
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    private volatile Installed installed;
    private volatile Boolean heifFound;

    OcrAvailability(String program) {
        this(program, OcrSettings.HEIF_CONVERT);
    }

    /** @param heifDecoder the HEIF decoder's program, looked for on the PATH */
    OcrAvailability(String program, String heifDecoder) {
        this.program = program;
        this.heifDecoder = heifDecoder;
    }

    /** The machine's Tesseract. */
    static OcrAvailability tesseract() {
        return TESSERACT;
    }

    /** The settings that can be honoured here: {@code asked}, less what is not installed. */
    OcrSettings effective(OcrSettings asked) {
        if (!asked.enabled()) {
            return asked;
        }
        Installed here = installed();
        if (here.missing() != null) {
            sayOnce("OCR is off: " + here.missing() + "; images and image-only PDF pages are judged without their"
                    + " text, as before OCR, and nothing is held because of it");
            return asked.withEnabled(false);
        }
        List<String> kept = new ArrayList<>();
        for (String language : asked.languages().split("\\+")) {
            if (here.languages().contains(language)) {
                kept.add(language);
            } else {
                sayOnce("OCR language data '" + language + "' is not installed (apt-get install tesseract-ocr-"
                        + language + "); OCR reads without it");
            }
        }
        if (kept.isEmpty()) {
            sayOnce("OCR is off: none of the languages " + asked.languages() + " is installed");
            return asked.withEnabled(false);
        }
        if (!heifFound()) {
            sayOnce("HEIC/HEIF/AVIF photos cannot be read: '" + heifDecoder + "' was not found on the PATH (install"
                    + " libheif-examples); such photos are held as not fully inspected");
            return asked.withLanguages(String.join("+", kept)).withHeifDecoder("");
        }
        return asked.withLanguages(String.join("+", kept)).withHeifDecoder(heifDecoder);
    }

    private boolean heifFound() {
        Boolean known = heifFound;
        if (known == null) {
            known = onPath(heifDecoder);
            heifFound = known;
        }
        return known;
    }

    private static boolean onPath(String name) {
        if (name.contains("/")) {
            return Files.isExecutable(Path.of(name));
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return true;
            }
        }
        return false;
    }

    Installed installed() {
        Installed known = installed;
        if (known == null) {
            known = look();
            installed = known;
        }
        return known;
    }

    private Installed look() {
        Process process;
        try {
            process = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Installed(Set.of(), "'" + program + "' was not found on the PATH (install tesseract-ocr)");
        }
        try (InputStream out = process.getInputStream()) {
            byte[] listing = out.readNBytes(64 * 1024);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return new Installed(Set.of(), "'" + program + " --list-langs' failed");
            }
            Set<String> languages = new LinkedHashSet<>();
            for (String line : new String(listing, StandardCharsets.UTF_8).split("\\R")) {
                if (line.matches("[a-z]{3}(_[a-z]+)?")) {
                    languages.add(line);
                }
            }
            return new Installed(Set.copyOf(languages), null);
        } catch (IOException e) {
            return new Installed(Set.of(), "'" + program + " --list-langs' could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Installed(Set.of(), "interrupted while looking for " + program);
        } finally {
            process.destroyForcibly();
        }
    }

    private void sayOnce(String message) {
        if (said.add(message)) {
            LOG.warn(message);
        }
    }
}
