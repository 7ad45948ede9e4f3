package org.outward.james.smtp;

import org.apache.mailet.AttributeName;

/**
 * The mark {@link PortalSubmissionHook} puts on mail the logged-in portal submitted, in a class of its own so that
 * the matcher that reads it ({@code IsPortalMail}) loads without James's SMTP server classes, which a mailet
 * container need not have on its class path.
 */
public final class PortalSubmission {

    /** Set on mail that the portal submitted after logging in on its listener; value {@value #PORTAL}. */
    public static final AttributeName SUBMITTED_BY = AttributeName.of("org.outward.submittedBy");
    public static final String PORTAL = "portal";

    private PortalSubmission() {
    }
}
