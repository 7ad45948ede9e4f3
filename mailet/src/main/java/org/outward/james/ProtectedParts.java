package org.outward.james;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

/**
 * Finds the attachments the wrap mailet takes out of a message, by position ({@code 2}, {@code 1/3}: 1-based,
 * from the top, as the inspection names parts), so the same positions can be found again in each recipient's
 * copy. With the secure tag every attachment goes; otherwise only those the findings name.
 */
final class ProtectedParts {

    /** Findings that are about the message text or the envelope, not about a part that could be wrapped. */
    private static final Set<String> NOT_ABOUT_A_PART = Set.of("password", "password-for-earlier-attachment",
            "attachment");

    private ProtectedParts() {
    }

    /** One attachment: where it sits, and the name it travels under. */
    record Leaf(String position, String fileName) {
    }

    static List<Leaf> find(MimeMessage message, List<Map<String, String>> findings, boolean everyAttachment)
            throws MessagingException, IOException {
        List<Leaf> attachments = new ArrayList<>();
        collect(message, "", attachments);
        if (everyAttachment) {
            return attachments;
        }
        return attachments.stream().filter(leaf -> findings.stream()
                .filter(f -> !NOT_ABOUT_A_PART.contains(f.getOrDefault("kind", "")))
                .anyMatch(f -> names(leaf, f.getOrDefault("part", "")))).toList();
    }

    /** The part at a position found by {@link #find}. */
    static Part at(MimeMessage message, String position) throws MessagingException, IOException {
        Part part = message;
        if (!(message.getContent() instanceof Multipart)) {
            return message;
        }
        for (String index : position.split("/")) {
            Multipart multipart = (Multipart) part.getContent();
            part = multipart.getBodyPart(Integer.parseInt(index) - 1);
        }
        return part;
    }

    /** Puts {@code replacement} where the part at {@code position} was. */
    static void replace(MimeMessage message, String position, BodyPart replacement)
            throws MessagingException, IOException {
        if (!(message.getContent() instanceof Multipart)) {
            javax.mail.internet.MimeMultipart mixed = new javax.mail.internet.MimeMultipart("mixed");
            mixed.addBodyPart(replacement);
            message.setContent(mixed);
            return;
        }
        int slash = position.lastIndexOf('/');
        Part parent = slash < 0 ? message : at(message, position.substring(0, slash));
        Multipart multipart = (Multipart) parent.getContent();
        int index = Integer.parseInt(position.substring(slash + 1)) - 1;
        multipart.removeBodyPart(index);
        multipart.addBodyPart(replacement, index);
        // Multipart content is cached by the parent part; setting it again makes the change part of the message.
        parent.setContent(multipart);
    }

    /** Whether a finding's part path ({@code 2/canvass.csv}, {@code 2/3/inner.csv}) lies in this attachment. */
    private static boolean names(Leaf leaf, String findingPart) {
        return findingPart.equals(leaf.position()) || findingPart.startsWith(leaf.position() + "/");
    }

    private static void collect(Part part, String position, List<Leaf> into) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), position.isEmpty() ? Integer.toString(i + 1) : position + "/" + (i + 1),
                        into);
            }
            return;
        }
        String name = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (name != null && !name.isBlank());
        if (attachment) {
            into.add(new Leaf(position.isEmpty() ? "1" : position, decoded(name, position)));
        }
    }

    private static String decoded(String name, String position) {
        if (name == null || name.isBlank()) {
            return "attachment-" + position.replace('/', '-');
        }
        try {
            return javax.mail.internet.MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }
}
