package org.outward.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool's photo mix and its OCR-off baseline, run through James for a few messages: with the default
 * policy the photographed list is held and read by OCR while the other messages (logos, emoji, attachments) go
 * out; with the baseline's policy nothing is read by OCR and the photo goes out unjudged by its text. Needs
 * Tesseract, which CI installs.
 */
class LoadRunTest {

    @TempDir
    Path work;

    @Test
    void thePhotoMixHoldsThePhotographedListWithOcrAndNotWithout() throws Exception {
        List<byte[]> mix = MessageMix.PHOTOS.messages();
        assertThat(MessageMix.PHOTOS.carriesList(0)).isTrue();
        assertThat(MessageMix.PHOTOS.carriesList(1)).isFalse();

        LoadRun.Result on = LoadRun.run("OCR on", true, Optional.empty(), mix, 0, 3, 2, Duration.ofMinutes(4),
                work.resolve("on"), Optional.empty());
        LoadRun.Result off = LoadRun.run("OCR off", true, Optional.of(OcrOffPolicy.write(work.resolve("off.yaml"))),
                mix, 0, 3, 2, Duration.ofMinutes(4), work.resolve("off"), Optional.empty());

        assertThat(on.held()).containsExactly(0);
        assertThat(on.ocr().read()).isGreaterThanOrEqualTo(1);
        assertThat(on.ocr().skipped()).as("the signature logos").isGreaterThanOrEqualTo(2);
        assertThat(off.held()).isEmpty();
        assertThat(off.ocr()).isEqualTo(new LoadRun.OcrImages(0, 0));
    }
}
