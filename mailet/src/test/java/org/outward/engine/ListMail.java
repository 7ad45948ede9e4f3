package org.outward.engine;

import java.nio.charset.StandardCharsets;

/** Messages to an outside caseworker carrying a short list of six people, for judgements by the engine. */
final class ListMail {

    static final String OUTSIDE = "caseworker@elsewhere.example";
    static final String[] NAMES = {"Aneurin Trevanion", "Bethan Quellyn", "Cai Penwarden", "Delyth Cadwgan",
            "Elis Marrack", "Ffion Tregenna"};

    private ListMail() {
    }

    /** A CSV attachment of the six people: name, postcode and one more column under the given header. */
    static byte[] csv(String header, String[] values) {
        StringBuilder csv = new StringBuilder("Name,Postcode," + header + "\r\n");
        for (int i = 0; i < NAMES.length; i++) {
            csv.append(NAMES[i]).append(",SY23 ").append(i + 1).append("AB,").append(values[i]).append("\r\n");
        }
        return ("From: member@party.example\r\nTo: " + OUTSIDE + "\r\nSubject: the list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
                + "--b\r\nContent-Type: text/csv; name=list.csv\r\nContent-Disposition: attachment; filename=list.csv\r\n\r\n"
                + csv + "--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A plain-text message with the given body. */
    static byte[] plain(String body) {
        return ("From: member@party.example\r\nTo: " + OUTSIDE + "\r\nSubject: renewals\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
