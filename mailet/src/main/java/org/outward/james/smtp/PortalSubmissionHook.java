package org.outward.james.smtp;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.outward.submission.PortalCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's own way in: an SMTP listener of its own on which the portal logs in with the credential derived
 * from the submission key ({@link PortalCredential}), and whose mail is marked, in a mail attribute no SMTP client
 * can set, as submitted by the portal. {@link org.outward.james.IsPortalMail} lets such mail pass unjudged when it
 * has the shape of the portal's mail; everything else is judged, however it looks.
 *
 * <p>It answers every login on its listener: the portal's login succeeds, any other fails (James's users are not
 * consulted), so a member's account opens nothing here. Put it in the handler chain of that listener only, before
 * James's core handlers, with relaying for no network (authentication is the only way to relay there):
 *
 * <pre>{@code
 * <smtpserver enabled="true">
 *   <jmxName>outward-portal</jmxName>
 *   <bind>127.0.0.1:2526</bind>
 *   <auth><announce>always</announce><requireSSL>false</requireSSL></auth>
 *   <authorizedAddresses></authorizedAddresses>
 *   <verifyIdentity>false</verifyIdentity>
 *   <handlerchain>
 *     <handler class="org.outward.james.smtp.PortalSubmissionHook">
 *       <keyFile>/var/lib/outward/submission/portal-submission.key</keyFile>
 *     </handler>
 *     <handler class="org.apache.james.smtpserver.CoreCmdHandlerLoader"/>
 *   </handlerchain>
 * </smtpserver>
 * }</pre>
 *
 * <p>Parameters: {@code keyFile} (required), the submission key, created (0600) when it does not exist; give the
 * portal the same file ({@code --submission-key}).
 */
public class PortalSubmissionHook implements AuthHook, JamesMessageHook {

    /** The parameter naming the submission key file. */
    public static final String KEY_FILE = "keyFile";

    private static final Logger LOG = LoggerFactory.getLogger(PortalSubmissionHook.class);
    private static final ProtocolSession.AttachmentKey<Boolean> LOGGED_IN =
            ProtocolSession.AttachmentKey.of("org.outward.portalLoggedIn", Boolean.class);

    private PortalCredential credential;

    @Override
    public void init(Configuration config) throws ConfigurationException {
        String keyFile = config.getString(KEY_FILE, "").trim();
        if (keyFile.isEmpty()) {
            throw new ConfigurationException("PortalSubmissionHook: <keyFile> must name the submission key");
        }
        try {
            credential = PortalCredential.loadOrCreate(Path.of(keyFile));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("PortalSubmissionHook: cannot use the submission key " + keyFile + ": "
                    + e.getMessage());
        }
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        if (username != null && credential.matches(username.asString(), password)) {
            session.setUsername(username);
            session.setRelayingAllowed(true);
            session.setAttachment(LOGGED_IN, Boolean.TRUE, ProtocolSession.State.Connection);
            return HookResult.builder().hookReturnCode(HookReturnCode.ok())
                    .smtpDescription("Authentication Successful").build();
        }
        // Not DECLINED: no other hook (James's users) may log anyone in on the portal's listener.
        LOG.warn("A login on the portal listener from {} was refused", session.getRemoteAddress().getAddress()
                .getHostAddress());
        return HookResult.DENY;
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return HookResult.DENY;
    }

    @Override
    public HookResult doDelegation(SMTPSession session, Username target) {
        return HookResult.DENY;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        if (session.getAttachment(LOGGED_IN, ProtocolSession.State.Connection).orElse(false)) {
            mail.setAttribute(new Attribute(PortalSubmission.SUBMITTED_BY, AttributeValue.of(PortalSubmission.PORTAL)));
        }
        return HookResult.DECLINED;
    }
}
