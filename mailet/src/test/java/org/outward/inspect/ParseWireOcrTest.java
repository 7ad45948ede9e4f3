package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The OCR settings cross to the parser process whole, the policy's smallest list included. */
class ParseWireOcrTest {

    @Test
    void everySettingCrossesTheWire() throws Exception {
        OcrSettings sent = new OcrSettings(true, "eng+cym", 25_000_000, Duration.ofSeconds(15), "heif-convert", 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ParseWire.writeOcr(out, sent);
        }
        OcrSettings received = ParseWire.readOcr(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(received).isEqualTo(sent);
    }
}
