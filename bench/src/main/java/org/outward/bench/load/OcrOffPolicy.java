package org.outward.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default policy with OCR switched off and nothing else changed: the baseline against which the load tool
 * shows what reading images costs the gateway.
 */
final class OcrOffPolicy {

    private static final String DEFAULT_POLICY = "/org/outward/policies/default-policy.yaml";
    private static final String OCR_ON = "\nocr:\n  enabled: true";

    private OcrOffPolicy() {
    }

    /** Writes it to {@code file} and returns the file. */
    static Path write(Path file) throws IOException {
        String policy;
        try (InputStream in = OcrOffPolicy.class.getResourceAsStream(DEFAULT_POLICY)) {
            if (in == null) {
                throw new IllegalStateException("the default policy is not on the class path: " + DEFAULT_POLICY);
            }
            policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!policy.contains(OCR_ON)) {
            // Switching OCR off some other way than the policy says would measure something else.
            throw new IllegalStateException("the default policy no longer starts its ocr section with 'enabled: true'");
        }
        return Files.writeString(file, policy.replace(OCR_ON, "\nocr:\n  enabled: false"));
    }
}
