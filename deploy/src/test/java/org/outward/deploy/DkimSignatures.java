package org.outward.deploy;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;

/** Checks a delivered message's DKIM signatures with jDKIM (James's own), against keys the test publishes. */
final class DkimSignatures {

    private DkimSignatures() {
    }

    /** Whether a signature of this domain and selector verifies, with {@code key} the only one published. */
    static boolean verified(byte[] raw, String domain, String selector, PublicKey key) throws Exception {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
        DKIMVerifier verifier = new DKIMVerifier((method, s, d) ->
                selector.contentEquals(s) && domain.contentEquals(d) ? List.of(record) : List.of());
        try {
            List<SignatureRecord> valid = verifier.verify(new ByteArrayInputStream(raw));
            return valid != null && valid.stream().anyMatch(r -> selector.contentEquals(r.getSelector())
                    && domain.contentEquals(r.getDToken()));
        } catch (FailException e) {
            return false;
        }
    }
}
