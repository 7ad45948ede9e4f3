package org.outward.inspect;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.outward.protect.Protection;
import org.outward.protect.verify.PasswordCheck;

/**
 * One part of a message, an attachment, an archive entry or a file embedded in another, as the inspection saw it.
 *
 * @param path          where it sits: positions from the top, with the file name as the last segment where there
 *                      is one, e.g. {@code 2/1/budget.xlsx} or {@code 2/staff.zip/3/people.csv}
 * @param declaredName  the file name the sender gave (decoded from RFC 2047/2231), or empty
 * @param declaredType  the Content-Type the sender declared (type/subtype only), or empty inside archives
 * @param detectedType  the type Tika found in the content
 * @param size          decoded size in bytes as spooled (at most {@link InspectionLimits#maxPartBytes()})
 * @param disposition   how the part was attached
 * @param protection    the verdict of the {@link org.outward.protect.ProtectionAssessor}
 * @param text          the extracted text; {@link ExtractedText#EMPTY} for parts that were not read
 * @param flags         disagreements between the name, the declared type and the content
 * @param passwordCheck for an attachment judged strong or weak, the file's own password check (its format's
 *                      verifier, never the password or the content), so a password sent later can be matched
 *                      to it; empty for every other part and wherever no check could be read
 */
public record InspectedPart(String path, String declaredName, String declaredType, String detectedType, long size,
                            Disposition disposition, Protection protection, ExtractedText text, Set<TypeFlag> flags,
                            Optional<PasswordCheck> passwordCheck) {

    public InspectedPart {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(declaredName, "declaredName");
        Objects.requireNonNull(declaredType, "declaredType");
        Objects.requireNonNull(detectedType, "detectedType");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(text, "text");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(passwordCheck, "passwordCheck");
    }

    /** How a part came to be in the message. */
    public enum Disposition {
        /** Shown in the message body (no disposition, or {@code inline} without a file name). */
        INLINE,
        /** Attached as a file. */
        ATTACHMENT,
        /** An entry of an archive. */
        ARCHIVE_ENTRY,
        /** A file embedded in another file (TNEF, Outlook .msg, an Office document). */
        EMBEDDED
    }
}
