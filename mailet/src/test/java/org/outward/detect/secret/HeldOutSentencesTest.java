package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sentences written after the detector and the corpus, not used to tune either: a check that the rules
 * generalise beyond the corpus's own phrases. Each one that fails here is a lesson to fold back in.
 */
class HeldOutSentencesTest {

    private final SecretDetector detector = SecretDetector.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "The password protecting the file will come from me on Signal.",
            "Password for the spreadsheet: I'll send it over WhatsApp once you confirm you got this.",
            "The password for the zip is coming by text.",
            "Your password must be changed every 90 days.",
            "Password changed successfully.",
            "We've had a password reset request for your account.",
            "Please ring me for the passcode - it's not something I'll put in writing.",
            "Password: as discussed on the phone",
            "Password: on its way via Signal",
            "Password: see text message",
            "Our password policy: 12+ characters, no reuse, a password manager for everything.",
            "A strong password, for example Tide-Lantern-Granite-7, is easy to remember.",
            "Did you get the password I texted?",
            "The password is what we agreed at the meeting.",
            "The password is your postcode without the space.",
            "Password reminder: never send it in the same email as the file.",
            "Your one-time passcode will arrive by text message.",
            "Mae'r cyfrinair wedi'i anfon atoch drwy neges destun.",
            "Y cyfrinair yw dy god post heb fwlch.",
            "Anfonaf y cod PIN dros y ffôn.",
            "Bydd y cyfrinair yn cyrraedd drwy WhatsApp.",
            "Open the attachment with Microsoft Excel.",
            "The password field is case-sensitive.",
            "I've reset the PIN to the default, ring me for it.",
            "Password strength: strong",
            "Please pin 2026 dates on the noticeboard.",
            "Join Zoom Meeting\nhttps://us02web.zoom.us/j/81234567890\n\nMeeting ID: 812 3456 7890\nPasscode: 482913",
            "Microsoft Teams meeting\nJoin on your computer or mobile app\nMeeting ID: 312 456 789 012\nPasscode: aB3cD4"})
    void talkAboutPasswords(String text) {
        assertThat(detector.detect(new TextSource(Location.BODY_PLAIN, "1", text))).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Password for the file is Hwyl-Fawr-2026",
            "the password is: 7Kd#pq92Lm",
            "Login: gareth.evans  Password: Cader!Idris9",
            "Use Meadow&Heron7 to unlock it",
            "Y cyfrinair yw: Cwtch#2026",
            "password = 'Saffron!Tidal4'",
            "PW: tr0mb0ne",
            "password is bluebell"})
    void disclosures(String text) {
        assertThat(detector.detect(new TextSource(Location.BODY_PLAIN, "1", text))).as(text).isNotEmpty();
    }
}
