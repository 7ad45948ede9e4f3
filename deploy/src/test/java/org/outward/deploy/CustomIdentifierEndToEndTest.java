package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import javax.mail.Message;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * An identifier the admins declared in the policy file, through the real James gateway: the membership
 * example policy (policies/examples/membership-numbers-policy.yaml) lets the mailing house receive lists of
 * names and addresses with a reminder to the sender, and stops any list carrying the party's membership
 * numbers (PM, a six-digit serial and a Luhn check digit), even to the mailing house. GreenMail is the outside
 * world and the sender's mailbox.
 */
class CustomIdentifierEndToEndTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String MAILING_HOUSE = "orders@mailing-house.example";

    /** Fictional members, each with a membership number whose last digit is its serial's Luhn check digit. */
    private static final String[][] MEMBERS = {
            {"Aneurin Trevanion", "12 Kiln Road", "SY23 1AB", "PM9496324"},
            {"Bethan Quellyn", "4 Heol y Felin", "SY23 2AB", "PM7579105"},
            {"Cai Penwarden", "31 Tanners Lane", "SY23 3AB", "PM7195894"},
            {"Delyth Cadwgan", "7 Ffordd Derwen", "SY23 4AB", "PM8248924"},
            {"Elis Marrack", "19 Stryd y Bont", "SY23 5AB", "PM8037434"},
            {"Ffion Tregenna", "2 Mill Close", "SY23 6AB", "PM9227083"},
            {"Gethin Rosewarne", "55 Chapel Street", "SY23 7AB", "PM9485582"},
            {"Heledd Pengelly", "8 Orchard Way", "SY23 8AB", "PM1585504"}};

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private WebAdminClient webAdmin;

    @BeforeEach
    void start() throws Exception {
        outside = RelayingGateway.startOutside();
        Path policy = work.resolve("policy.yaml");
        try (InputStream in = getClass().getResourceAsStream("/org/outward/policies/examples/membership-numbers-policy.yaml")) {
            Files.copy(in, policy);
        }
        gateway = RelayingGateway.start(Optional.empty(), work, outside, Optional.of(policy));
        webAdmin = new WebAdminClient(gateway.webAdminPort());
    }

    @AfterEach
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void aListOfMembersWithTheirMembershipNumbersIsStoppedEvenForTheMailingHouse() throws Exception {
        send(members(number -> number));

        assertThat(outside.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage notice = onlyMessage(SENDER);
        assertThat(notice.getSubject()).isEqualTo("Not sent: Mailing list");
        assertThat(raw(notice)).doesNotContain("PM9496324").doesNotContain("Trevanion");
        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(20))).hasSize(1);
        Thread.sleep(1_000);
        assertThat(outside.getReceivedMessagesForDomain("mailing-house.example")).isEmpty();
    }

    /**
     * The same people with numbers of the same look that are not membership numbers: one digit changed, so the
     * check digit fails, or a digit too many. The list goes to the mailing house as its rule says, with a
     * reminder to the sender, and the membership rule does not fire. (These pass before the detector knows declared
 * identifiers too; they keep it from taking look-alikes for membership numbers once it does.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"check digit fails", "eight digits"})
    void theSameListWithNumbersThatAreNotMembershipNumbersGoesToTheMailingHouse(String control) throws Exception {
        send(members(number -> control.equals("eight digits") ? number + "0"
                : number.substring(0, 8) + (char) ('0' + (number.charAt(8) - '0' + 3) % 10)));

        assertThat(outside.waitForIncomingEmail(30_000, 2)).as("the list and the reminder").isTrue();
        MimeMessage delivered = Arrays.stream(outside.getReceivedMessagesForDomain("mailing-house.example"))
                .findFirst().orElseThrow();
        // warn is the mailing house's own rule; the membership rule, had it fired, would have blocked.
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("warn");
        assertThat(outside.getReceivedMessagesForDomain("party.example")).as("the reminder to the sender").hasSize(1);
        assertThat(webAdmin.awaitKeys("outward-blocked", 0, Duration.ofSeconds(5))).isEmpty();
    }

    /** A CSV of the members, each number passed through {@code number}. */
    private static byte[] members(java.util.function.UnaryOperator<String> number) {
        StringBuilder csv = new StringBuilder("Name,Address,Postcode,Membership number\r\n");
        for (String[] member : MEMBERS) {
            csv.append(member[0]).append(',').append(member[1]).append(',').append(member[2]).append(',')
                    .append(number.apply(member[3])).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(byte[] csv) throws Exception {
        MimeMessage message = MailClient.withAttachment(SENDER, MAILING_HOUSE, "Mailing list",
                "Here is the list for the autumn mailing.", "mailing.csv", csv, "text/csv");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, MAILING_HOUSE);
    }

    private MimeMessage onlyMessage(String recipient) throws Exception {
        MimeMessage[] received = outside.getReceivedMessages();
        assertThat(received).as("exactly one message arrived").hasSize(1);
        assertThat(Arrays.stream(received[0].getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress())).containsExactly(recipient);
        return received[0];
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
