package org.outward.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.outward.inspect.OcrSettings;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the policy's {@code ocr} section: whether images and image-only PDF pages are read with OCR, in which
 * languages, up to how many pixels and for how long an image. Languages must be ones Tesseract has data for
 * (Debian packages them as {@code tesseract-ocr-<code>}); whether this machine has installed them is the
 * gateway's to say when it starts, not the policy's.
 */
final class OcrSection {

    private static final Set<String> KEYS = Set.of("enabled", "languages", "max-pixels", "time-per-image");
    private static final Set<String> TESSERACT_LANGUAGES = languages();

    private final PolicyNodes nodes;

    OcrSection(PolicyNodes nodes) {
        this.nodes = nodes;
    }

    /** The settings; the time per image is at most {@code timePerPart}, since an image is a part. */
    OcrSettings read(Node node, Duration timePerPart) {
        OcrSettings d = OcrSettings.english();
        Optional<PolicyNodes.Section> section = nodes.section(node, "ocr", KEYS);
        if (section.isEmpty()) {
            return OcrSettings.off();
        }
        PolicyNodes.Section s = section.get();
        boolean enabled = s.get("enabled").flatMap(n -> nodes.bool(n, "ocr.enabled")).orElse(true);
        String languages = s.get("languages").flatMap(n -> nodes.text(n, "ocr.languages")
                .flatMap(text -> languages(n, text.trim()))).orElse(d.languages());
        long maxPixels = s.get("max-pixels").flatMap(n -> nodes.integer(n, "ocr.max-pixels", 100_000, 250_000_000))
                .map(Integer::longValue).orElse(d.maxPixels());
        Duration perImage = s.get("time-per-image").flatMap(n -> nodes.duration(n, "ocr.time-per-image",
                Duration.ofSeconds(1), Duration.ofMinutes(10))).orElse(d.timePerImage());
        // An image is a part, so the part's time bounds it anyway: a shorter part time shortens the image's, and
        // lowering limits.time-per-part alone stays a valid policy.
        Duration bounded = perImage.compareTo(timePerPart) > 0 ? timePerPart : perImage;
        perImage = bounded.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : bounded;
        return new OcrSettings(enabled, languages, maxPixels, perImage);
    }

    private Optional<String> languages(Node node, String text) {
        for (String language : text.split("\\+", -1)) {
            if (!TESSERACT_LANGUAGES.contains(language)) {
                nodes.problem(node, "ocr.languages: '" + language + "' is not a Tesseract language; use codes such"
                        + " as eng, cym, gla, gle");
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }

    private static Set<String> languages() {
        try (InputStream in = Objects.requireNonNull(OcrSection.class.getResourceAsStream("tesseract-languages.txt"))) {
            return Set.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
