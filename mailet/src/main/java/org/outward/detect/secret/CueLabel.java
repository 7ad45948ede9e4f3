package org.outward.detect.secret;

import java.util.Locale;

/** The label a finding shows for its cue, chosen from a fixed set so that no message text is echoed. */
final class CueLabel {

    private CueLabel() {
    }

    static String of(String cueText) {
        String cue = cueText == null ? "" : cueText.toLowerCase(Locale.ROOT);
        if (cue.contains("cyfrinymadrodd")) {
            return "Cyfrinymadrodd";
        }
        if (cue.contains("cyfrin") || cue.startsWith("agor") || cue.startsWith("datglo") || cue.startsWith("defnyddi")) {
            return "Cyfrinair";
        }
        if (cue.contains("pin")) {
            return "PIN";
        }
        if (cue.contains("code")) {
            return "Passcode";
        }
        if (cue.contains("phrase")) {
            return "Passphrase";
        }
        if (cue.contains("log") || cue.contains("user") || cue.contains("sign") || cue.contains("enw")) {
            return "Login";
        }
        return "Password";
    }
}
