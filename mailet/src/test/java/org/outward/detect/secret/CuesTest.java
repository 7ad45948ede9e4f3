package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each cue recogniser on what it must find, and on the look-alikes it must leave alone. */
class CuesTest {

    private final SecretDetector detector = SecretDetector.withDefaults();

    static Stream<Arguments> disclosures() {
        return Stream.of(
                Arguments.of("labelled", "Password: Kettle-Orchard-42"),
                Arguments.of("labelled", "PIN for the laptop: 4471"),
                Arguments.of("labelled", "pwd = Saffron!Tidal4"),
                Arguments.of("labelled", "Cyfrinair: Cwtch#2026"),
                Arguments.of("labelled", "Cod pas: Afon!Taf77"),
                Arguments.of("labelled", "pass: Kettle88"),
                Arguments.of("labelled", "password -> Juniper!Heron2"),
                Arguments.of("copula-reversed", "Kettle-Orchard-42 is the password for the zip."),
                Arguments.of("copula-reversed", "Cwtch#2026 yw'r cyfrinair"),
                Arguments.of("labelled", "members.zip password - Heron!Copper5"),
                Arguments.of("bare", "Zipped it up. Password Kettle88"),
                Arguments.of("bare", "Passcode 839201"),
                Arguments.of("copula-en", "The password for ward-list.zip is Hwyl-Fawr-2026"),
                Arguments.of("copula-en", "the password's Tr0ub4dor&3 by the way"),
                Arguments.of("copula-en", "Your password has been changed to Granite77!"),
                Arguments.of("copula-cy", "Y cyfrinair ar gyfer y ffeil yw Mynydd-Afon-55"),
                Arguments.of("copula-cy-mae", "Mae'r cyfrinair yn Draig!2026"),
                Arguments.of("open-with", "You can open it with Summer!2024"),
                Arguments.of("open-with", "Open the zip using the password Meadow&Heron7"),
                Arguments.of("use-to-open", "Use Gl4dys-99 to open the spreadsheet"),
                Arguments.of("open-with-cy", "Agorwch y ffeil gyda'r cyfrinair Afon#Taf3"),
                Arguments.of("use-to-open-cy", "Defnyddiwch Hiraeth-Cwtch-7 i agor y daenlen"),
                Arguments.of("credential-pair", "Your login is gevans / Cader!Idris9"),
                Arguments.of("copula-reversed", "Zuvaki55$ is the password - it's case sensitive"),
                Arguments.of("copula-reversed", "Pebo77! is the zip password by the way"),
                Arguments.of("copula-reversed", "Niwl2026! yw'r cyfrinair newydd"),
                Arguments.of("bare", "pw for it sycamore.gorse.41"),
                Arguments.of("use-as", "To open it use QFK3uvJosshmkj as the password."),
                Arguments.of("use-as", "Type Heron-Quay-19 as your new PIN please"),
                Arguments.of("use-as-cy", "Rhowch Barcud2027! fel y cyfrinair"),
                Arguments.of("after-token-named", "Lichen_Ferry_42 - that's the password"),
                Arguments.of("after-token-bracketed", "Tonnau88# (the password for the zip)"),
                Arguments.of("after-token-named", "Cobble.Slate.77, dyna'r cyfrinair"),
                Arguments.of("login-pass", "user rbowen / pass Marram2026!"),
                Arguments.of("login-pass", "Log in as lowri.rees, password Kestrel#5"),
                Arguments.of("use-as", "Put in Gorse-Slate-66 as the password when Excel asks"),
                Arguments.of("use-as-cy", "Defnyddiwch Enfys!2026 fel cyfrinair os bydd yn gofyn"),
                Arguments.of("bare", "pw for the zip qTrwXzLpBnMk"),
                Arguments.of("use-as", "Please use Cormorant!88 as the password this time."));
    }

    @ParameterizedTest
    @MethodSource("disclosures")
    void findsTheDisclosure(String recogniser, String text) {
        List<SecretFinding> findings = detector.detect(new TextSource(Location.BODY_PLAIN, "1", text));
        assertThat(findings).as(text).isNotEmpty();
        // The strongest recogniser wins when several see the same token; the expected one must be among them.
        List<SecretFinding> byThis = new SecretDetector(
                Cues.defaults().stream().filter(r -> r.id().equals(recogniser)).toList(),
                new TokenJudge(CommonWords.standard()), SecretDetector.DEFAULT_THRESHOLD)
                .detect(new TextSource(Location.BODY_PLAIN, "1", text));
        assertThat(byThis).as(recogniser + " on " + text).hasSize(1);
    }

    static Stream<String> lookAlikes() {
        return Stream.of(
                "How do I password-protect a spreadsheet?", "Password reset: click the link in the portal",
                "Password protection is important", "the password manager like Bitwarden is free",
                "Open it with 7-Zip or Keka", "Use 7-Zip to open it", "open it with the password I text you",
                "Use Chrome or Firefox to open the link", "Login: use your usual party email",
                "Username: your email, password: the one you chose", "Passwords like Password123 are weak",
                "Cyfrinair: wedi'i anfon ar wahân", "Mae'r cyfrinair yn anghywir", "Y cyfrinair yw'r un arferol",
                "Defnyddiwch Excel i agor y ffeil", "Password hint: the usual one", "Password: check your phone",
                "The PIN is on the sticky note in the office", "Your password expires in 7 days",
                "Attached is the password policy.", "What is the password?", "This is the password for the zip:",
                "Below is the password guidance", "Pass the parcel: everyone welcome", "Which is the password?",
                "Use your usual email as the password reminder address", "Report ID 55821 (password protected)",
                "Please use LibreOffice as the password tool is broken", "login page, password reset link below",
                "It's in the folder - that's the password policy we agreed", "Flyer.pdf (password-protected)",
                "Use postcode as the password", "Birthday (password)", "Defnyddiwch eich cod post fel cyfrinair",
                "Surname - that's the password", "Order 55821 (password protected)", "Here it is (password to follow)");
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void leavesLookAlikesAlone(String text) {
        assertThat(detector.detect(new TextSource(Location.BODY_PLAIN, "1", text))).as(text).isEmpty();
    }

    /** A cue that ends its line, or points below, and the secret alone on a later line (blank lines between, as HTML gives). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "The password you'll need is:\n\n    Gorse!Quarry3",
            "Password below as promised\n\n\n\nq7RtPw9kLm2z",
            "The password is below.\n\u00a0\n\n\u00a0\nEryri_Cennin_55",
            "Y cyfrinair isod:\n\n> Derwen2026?",
            "Password for the attachment is as follows:\nkestrel.ferry.slate.12",
            "The password's lower down, away from the preview\n\n\n\n\n\n\n\n\n\n\n\n\nKvTrmQpXwZnL",
            "Password below:\n\u00a0\n\n\n\u00a0\n\n\n\u00a0\n\n\n\u00a0\n\n\n\u00a0\n\nSlate_Gorse_41"})
    void findsTheSecretOnALaterLine(String text) {
        assertThat(detector.detect(new TextSource(Location.BODY_PLAIN, "1", text))).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "Details of how to choose a password below.\n\nBethan",
            "Password below:\n\nI will text it to you tonight.",
            "The password policy is below:\n\nPasswords must be long."})
    void leavesLaterLinesAloneWhenTheyAreNotASecret(String text) {
        assertThat(detector.detect(new TextSource(Location.BODY_PLAIN, "1", text))).as(text).isEmpty();
    }

    @Test
    void everyRecogniserHasADisclosureTest() {
        List<String> tested = disclosures().map(a -> (String) a.get()[0]).distinct().toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(Cues.defaults().stream().map(CueRecogniser::id).toList());
    }
}
