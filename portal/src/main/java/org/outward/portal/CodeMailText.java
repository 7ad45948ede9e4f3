package org.outward.portal;

/** The words of the code mail, in both languages, the recipient's choice first. */
final class CodeMailText {

    String subject(CodeMail mail) {
        return "cy".equals(mail.language()) ? "Eich cod untro / Your one-time code" : "Your one-time code / Eich cod untro";
    }

    String body(CodeMail mail) {
        long minutes = mail.validFor().toMinutes();
        String english = "Your one-time code is " + mail.code() + "\n\n"
                + "Enter it on the secure file page. It works once, for " + minutes + " minutes.\n"
                + "Do not share it. If you did not ask for a code, you can ignore this message.\n";
        String welsh = "Eich cod untro yw " + mail.code() + "\n\n"
                + "Rhowch ef ar dudalen y ffeil ddiogel. Mae'n gweithio unwaith yn unig, am " + minutes + " munud.\n"
                + "Peidiwch â'i rannu. Os na wnaethoch chi ofyn am god, gallwch anwybyddu'r neges hon.\n";
        String rule = "\n----\n\n";
        return "cy".equals(mail.language()) ? welsh + rule + english : english + rule + welsh;
    }
}
