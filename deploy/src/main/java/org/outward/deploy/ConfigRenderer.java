package org.outward.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.james.transport.mailets.remote.delivery.RemoteDeliveryConfiguration;
import org.outward.backends.BackendSettings;
import org.outward.backends.PostgresS3Module;
import org.outward.james.DeleteHeld;
import org.outward.james.ExpireHeldMail;
import org.outward.james.Inspect;
import org.outward.james.NotifySender;
import org.outward.james.NoticeDelayedMail;
import org.outward.james.Wrap;
import org.outward.james.configuration.InspectConfiguration;
import org.outward.james.configuration.NoticeDelayedMailConfiguration;
import org.outward.james.configuration.NotifySenderConfiguration;
import org.outward.james.configuration.WrapConfiguration;
import org.outward.james.smtp.PortalSubmissionHook;
import org.outward.shared.VaultSetting;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Writes the James configuration the gateway actually runs with: a copy of the chosen configuration folder
 * (or the built-in one) into {@code <work>/conf}, with the launcher's options applied to it.
 *
 * <p>Only a few things are changed, so that an admin's own configuration stays theirs: the port of the first
 * SMTP server's {@code <bind>}, the port of the portal's own listener (the SMTP server whose handler chain holds
 * {@value #PORTAL_HOOK}) and its submission key when none is named, the WebAdmin {@code port}, and the content of
 * the {@code outbound} processor in mailetcontainer.xml, which the launcher owns (try-out repository, smart host,
 * or direct delivery) unless told to keep the configuration's own ({@link OutboundRoute.AsConfigured}).
 *
 * <p>The folder and every file in it are created readable by the gateway's user only ({@link OwnerOnlyFiles}): the
 * smart host's password is written into {@code mailetcontainer.xml}, and an admin's own folder may hold secrets of
 * its own.
 */
final class ConfigRenderer {

    /** Where the built-in configuration sits on the class path (copied there from {@code deploy/conf}). */
    static final String BUILT_IN = "/org/outward/deploy/conf";

    static final String OUTBOUND_PROCESSOR = "outbound";

    /** The inspection mailet, whose {@code <policy>} parameter the launcher sets. */
    static final String INSPECT_MAILET = Inspect.class.getName();

    /** The retention mailet, which reads the same policy for its {@code retention} settings. */
    static final String RETENTION_MAILET = ExpireHeldMail.class.getName();

    /** The mailet that ends held mail an admin deleted, which reads the same policy for whether to tell the sender. */
    static final String DELETE_MAILET = DeleteHeld.class.getName();

    /** The default policy on the class path (from the policies module). */
    static final String DEFAULT_POLICY = "/org/outward/policies/default-policy.yaml";

    /** The secure-link mailet, whose vault and portal URL must be those of the portal the launcher starts. */
    static final String WRAP_MAILET = Wrap.class.getName();
    static final String NOTIFY_MAILET = NotifySender.class.getName();

    /** The mailet that tells a sender once when their mail waits hours for the next server. */
    static final String DELAY_NOTICE_MAILET = NoticeDelayedMail.class.getName();

    /** The hook that makes an SMTP server the portal's own listener. */
    static final String PORTAL_HOOK = PortalSubmissionHook.class.getName();

    /**
     * RemoteDelivery's {@code deliveryThreads} in a route the launcher writes (the Docker flavours' files have ten).
     * James 3.8.1 reads no such parameter: it delivers up to 256 dequeued mails at once on Reactor's bounded elastic
     * threads (ten per core). It is written for the James versions that read it.
     */
    static final int EMBEDDED_DELIVERY_THREADS = 4;

    private static final List<String> REQUIRED_FILES = List.of("mailetcontainer.xml", "smtpserver.xml");

    private ConfigRenderer() {
    }

    /**
     * @return the folder James will read its configuration from
     */
    static Path render(GatewaySettings settings) throws StartupProblem {
        Path conf = settings.workFolder().resolve("conf");
        try {
            Files.createDirectories(settings.workFolder());
            deleteRecursively(conf);
            OwnerOnlyFiles.folder(conf);
        } catch (IOException e) {
            throw new StartupProblem("cannot write the working folder " + settings.workFolder()
                    + ": " + describe(e), e);
        }
        // Files are read from where the admin keeps them, so that errors name the file they can edit.
        Path source;
        if (settings.configFolder().isPresent()) {
            source = checkedConfigFolder(settings.configFolder().get());
            copyFolder(source, conf);
        } else {
            copyBuiltIn(conf);
            source = conf;
        }
        setSmtpPorts(source, conf, "smtpserver.xml", settings);
        setWebAdminPort(source, conf, "webadmin.properties", settings.webAdminPort());
        Path policy = policyFile(settings, conf);
        setOutboundRouteAndPolicy(source, conf, "mailetcontainer.xml", settings.outbound(), policy,
                settings.policyFile().isPresent() || settings.configFolder().isEmpty(), settings.inspection(),
                settings.stateFolder(), settings.sharedBackends() ? VaultSetting.SHARED
                        : "local:" + settings.vaultFolder().toAbsolutePath(), settings.portalUrl(),
                settings.delayNoticeAfter());
        if (settings.sharedBackends()) {
            nameSharedBackendModule(conf);
        }
        return conf;
    }

    /** The Guice module that gives James's mailets the shared back end, as an admin names it in a James of their own. */
    static final String SHARED_BACKEND_MODULE = PostgresS3Module.class.getName();
    static final String EXTENSIONS_FILE = "extensions.properties";
    private static final String MODULE_KEY = "guice.extension.module";

    /**
     * Names the shared back end's module in {@code extensions.properties} (beside any module the admin's own file
     * names), and, unless the admin's folder has one, writes its settings file with every setting taken from the
     * {@code OUTWARD_DB_*} and {@code OUTWARD_S3_*} variables, so that no password is written to disk.
     */
    private static void nameSharedBackendModule(Path conf) throws StartupProblem {
        Path extensions = conf.resolve(EXTENSIONS_FILE);
        Path settingsFile = conf.resolve(PostgresS3Module.SETTINGS_FILE);
        try {
            List<String> lines = Files.exists(extensions) ? Files.readAllLines(extensions) : List.of();
            boolean named = lines.stream().anyMatch(line -> line.strip().startsWith(MODULE_KEY)
                    && line.contains(SHARED_BACKEND_MODULE));
            if (!named) {
                StringBuilder text = new StringBuilder();
                boolean added = false;
                for (String line : lines) {
                    if (!added && line.strip().startsWith(MODULE_KEY) && line.contains("=")) {
                        line = line + "," + SHARED_BACKEND_MODULE;
                        added = true;
                    }
                    text.append(line).append('\n');
                }
                if (!added) {
                    text.append(MODULE_KEY).append('=').append(SHARED_BACKEND_MODULE).append('\n');
                }
                try (OutputStream out = OwnerOnlyFiles.write(extensions)) {
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!Files.exists(settingsFile)) {
                StringBuilder text = new StringBuilder("# Written by gateway run --shared-backends: each setting is read"
                        + " from James's environment.\n");
                new TreeMap<>(BackendSettings.PROPERTY_VARIABLES).forEach((key, variable) ->
                        text.append(key).append("=${env:").append(variable).append("}\n"));
                try (OutputStream out = OwnerOnlyFiles.write(settingsFile)) {
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new StartupProblem("cannot write " + extensions + ": " + describe(e), e);
        }
    }

    private static Path checkedConfigFolder(Path folder) throws StartupProblem {
        if (!Files.exists(folder)) {
            throw new StartupProblem("configuration folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new StartupProblem("configuration folder " + folder + " is not a folder");
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            throw new StartupProblem("configuration folder " + folder + " cannot be read (check its permissions)");
        }
        for (String name : REQUIRED_FILES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new StartupProblem("configuration folder " + folder + " has no " + name);
            }
            if (!Files.isReadable(file)) {
                throw new StartupProblem(file + " cannot be read (check its permissions)");
            }
        }
        return folder;
    }

    private static void copyFolder(Path from, Path to) throws StartupProblem {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    OwnerOnlyFiles.folder(target);
                } else {
                    try (InputStream in = Files.newInputStream(source); OutputStream out = OwnerOnlyFiles.write(target)) {
                        in.transferTo(out);
                    }
                }
            }
        } catch (IOException e) {
            throw new StartupProblem("cannot copy the configuration folder " + from + ": " + describe(e), e);
        }
    }

    private static void copyBuiltIn(Path to) throws StartupProblem {
        URL url = ConfigRenderer.class.getResource(BUILT_IN);
        if (url == null) {
            throw new StartupProblem("the built-in configuration is missing from the class path (" + BUILT_IN
                    + "); rebuild with mvn -B install");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyFolder(jar.getPath(BUILT_IN), to);
                }
            } else {
                copyFolder(Path.of(uri), to);
            }
        } catch (IOException | URISyntaxException e) {
            throw new StartupProblem("cannot read the built-in configuration: " + describe(e), e);
        }
    }

    private static void setSmtpPorts(Path source, Path conf, String name, GatewaySettings settings)
            throws StartupProblem {
        Path file = source.resolve(name);
        Document xml = parse(file);
        Element server = firstChild(xml.getDocumentElement(), "smtpserver");
        Element bind = server == null ? null : firstChild(server, "bind");
        if (bind == null) {
            throw new StartupProblem(file + " has no <smtpserver> with a <bind> element to set the SMTP port on");
        }
        setPort(bind, settings.smtpPort());
        Element portal = portalListener(xml);
        if (portal != null) {
            Element portalBind = firstChild(portal, "bind");
            if (portalBind == null) {
                throw new StartupProblem(file + ": the portal's listener (the <smtpserver> with " + PORTAL_HOOK
                        + ") has no <bind> element");
            }
            setPort(portalBind, settings.portalSubmissionPort() == 0 ? freePort(portalBind)
                    : settings.portalSubmissionPort());
            Element hook = portalHook(portal);
            if (firstChild(hook, PortalSubmissionHook.KEY_FILE) == null) {
                param(xml, hook, PortalSubmissionHook.KEY_FILE, settings.submissionKey().toAbsolutePath().toString());
            }
        }
        write(xml, conf.resolve(name));
    }

    /**
     * The port of the portal's own listener in a configuration James was given, if it has one. The launcher gives
     * the in-process portal this port; the key file is the hook's {@code keyFile}.
     */
    static OptionalInt portalSubmissionPort(Path conf) throws StartupProblem {
        Element portal = portalListener(parse(conf.resolve("smtpserver.xml")));
        Element bind = portal == null ? null : firstChild(portal, "bind");
        if (bind == null) {
            return OptionalInt.empty();
        }
        String text = bind.getTextContent().trim();
        return OptionalInt.of(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
    }

    /** The submission key named by the portal's listener in a configuration James was given, if it has one. */
    static Optional<Path> submissionKey(Path conf) throws StartupProblem {
        Element portal = portalListener(parse(conf.resolve("smtpserver.xml")));
        Element key = portal == null ? null : firstChild(portalHook(portal), PortalSubmissionHook.KEY_FILE);
        return key == null ? Optional.empty() : Optional.of(Path.of(key.getTextContent().trim()));
    }

    private static Element portalListener(Document xml) {
        for (Node node = xml.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element server && "smtpserver".equals(server.getTagName()) && portalHook(server) != null) {
                return server;
            }
        }
        return null;
    }

    private static Element portalHook(Element server) {
        Element chain = firstChild(server, "handlerchain");
        for (Node node = chain == null ? null : chain.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element handler && PORTAL_HOOK.equals(handler.getAttribute("class").trim())) {
                return handler;
            }
        }
        return null;
    }

    private static void setPort(Element bind, int port) {
        String current = bind.getTextContent().trim();
        int colon = current.lastIndexOf(':');
        String address = colon > 0 ? current.substring(0, colon) : "0.0.0.0";
        bind.setTextContent(address + ":" + port);
    }

    /**
     * A port free now on the listener's address. James cannot be asked afterwards which port it took for one of
     * several servers, and the portal must be told; so the launcher picks it (the tests run many gateways).
     */
    private static int freePort(Element bind) throws StartupProblem {
        String current = bind.getTextContent().trim();
        int colon = current.lastIndexOf(':');
        String address = colon > 0 ? current.substring(0, colon) : "127.0.0.1";
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupProblem("cannot find a free port for the portal's listener on " + address + ": "
                    + describe(e), e);
        }
    }

    private static void setWebAdminPort(Path source, Path conf, String name, int port) throws StartupProblem {
        Path file = source.resolve(name);
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            } else {
                properties.setProperty("enabled", "true");
                properties.setProperty("host", "127.0.0.1");
            }
            properties.setProperty("port", Integer.toString(port));
            try (OutputStream out = OwnerOnlyFiles.write(conf.resolve(name))) {
                properties.store(out, "Written by the Outward launcher from the configuration folder it was given");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupProblem(file + " cannot be read as a properties file: " + describe(e), e);
        }
    }

    /**
     * The policy given with {@code --policy}, checked now so that a broken file stops start-up with its first
     * problem; otherwise the default policy, written beside the configuration in use.
     */
    private static Path policyFile(GatewaySettings settings, Path conf) throws StartupProblem {
        if (settings.policyFile().isPresent()) {
            Path policy = settings.policyFile().get().toAbsolutePath();
            try {
                org.outward.policy.PolicyLoader.load(policy);
            } catch (org.outward.policy.InvalidPolicyException e) {
                int count = e.problems().size();
                throw new StartupProblem("policy " + e.problems().get(0)
                        + (count > 1 ? " (and " + (count - 1) + " more: deploy/gateway policy check " + policy + ")" : ""), e);
            }
            return policy;
        }
        Path policy = conf.resolve("default-policy.yaml");
        try (InputStream in = ConfigRenderer.class.getResourceAsStream(DEFAULT_POLICY)) {
            if (in == null) {
                throw new StartupProblem("the default policy is missing from the class path (" + DEFAULT_POLICY
                        + "); rebuild with mvn -B install");
            }
            try (OutputStream out = OwnerOnlyFiles.write(policy)) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            throw new StartupProblem("cannot write the default policy to " + policy + ": " + describe(e), e);
        }
        return policy;
    }

    private static void setOutboundRouteAndPolicy(Path source, Path conf, String name, OutboundRoute route,
                                                  Path policy, boolean overridePolicy, boolean inspection,
                                                  Path stateFolder, String vault, URI portalUrl,
                                                  Duration delayNoticeAfter)
            throws StartupProblem {
        Path file = source.resolve(name);
        Document xml = parse(file);
        setPolicy(xml, policy, overridePolicy, stateFolder, vault.equals(VaultSetting.SHARED));
        setVault(xml, vault, portalUrl);
        if (!inspection) {
            bypassInspection(xml);
        }
        Element processor = findProcessor(xml, OUTBOUND_PROCESSOR);
        if (processor == null) {
            throw new StartupProblem(file + " has no <processor state=\"" + OUTBOUND_PROCESSOR
                    + "\">: the launcher sends judged mail on through that processor");
        }
        if (route instanceof OutboundRoute.AsConfigured) {
            write(xml, conf.resolve(name));
            return;
        }
        while (processor.hasChildNodes()) {
            processor.removeChild(processor.getFirstChild());
        }
        processor.appendChild(xml.createComment(" written by deploy/gateway run: " + route.describe() + " "));
        if (!(route instanceof OutboundRoute.TryOut)) {
            processor.appendChild(delayNotice(xml, stateFolder, delayNoticeAfter));
        }
        Element mailet;
        if (route instanceof OutboundRoute.Relay relay) {
            mailet = remoteDelivery(xml);
            param(xml, mailet, RemoteDeliveryConfiguration.GATEWAY, relay.host());
            param(xml, mailet, RemoteDeliveryConfiguration.GATEWAY_PORT, Integer.toString(relay.port()));
            param(xml, mailet, RemoteDeliveryConfiguration.START_TLS, Boolean.toString(relay.startTls()));
            if (relay.credentials().isPresent()) {
                param(xml, mailet, RemoteDeliveryConfiguration.GATEWAY_USERNAME, relay.credentials().get().username());
                param(xml, mailet, RemoteDeliveryConfiguration.GATEWAY_PASSWORD, relay.credentials().get().password());
            }
        } else if (route instanceof OutboundRoute.Direct) {
            mailet = remoteDelivery(xml);
        } else {
            mailet = mailet(xml, "ToRepository");
            param(xml, mailet, "repositoryPath", OutboundRoute.TRY_OUT_REPOSITORY);
        }
        processor.appendChild(mailet);
        write(xml, conf.resolve(name));
    }

    /**
     * Points every inspection, retention and deletion mailet at the policy, and the inspection mailets at their state
     * folder. A configuration of the admin's own that names a policy keeps it unless {@code --policy} was given.
     */
    private static void setPolicy(Document xml, Path policy, boolean override, Path stateFolder, boolean shared) {
        NodeList mailets = xml.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            String type = mailet.getAttribute("class");
            if (!INSPECT_MAILET.equals(type) && !RETENTION_MAILET.equals(type) && !DELETE_MAILET.equals(type)) {
                continue;
            }
            Element existing = firstChild(mailet, InspectConfiguration.POLICY);
            if (existing == null) {
                param(xml, mailet, InspectConfiguration.POLICY, policy.toString());
            } else if (override) {
                existing.setTextContent(policy.toString());
            }
            if (DELETE_MAILET.equals(type)) {
                continue;
            }
            // The key and correlation state belong with this working folder unless the admin put them elsewhere.
            if (INSPECT_MAILET.equals(type) && firstChild(mailet, InspectConfiguration.STATE_FOLDER) == null) {
                param(xml, mailet, InspectConfiguration.STATE_FOLDER, stateFolder.toString());
            }
            // Several nodes: the correlation state goes with the vault to the shared backends.
            if (INSPECT_MAILET.equals(type) && shared) {
                replaceParam(xml, mailet, InspectConfiguration.CORRELATION_STATE, VaultSetting.SHARED);
            }
        }
    }

    /**
     * Points every Wrap mailet, and every NotifySender that makes report links, at the vault and public URL of the
     * portal this launcher starts: the links in wrapped mail and in notices must open in that portal, and it can
     * only serve what was stored in its own vault.
     */
    private static void setVault(Document xml, String vault, URI portalUrl) {
        NodeList mailets = xml.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            boolean reportLinks = NOTIFY_MAILET.equals(mailet.getAttribute("class"))
                    && firstChild(mailet, NotifySenderConfiguration.PORTAL_URL) != null;
            if (!WRAP_MAILET.equals(mailet.getAttribute("class")) && !reportLinks) {
                continue;
            }
            Element older = firstChild(mailet, WrapConfiguration.VAULT_FOLDER);
            if (older != null) {
                mailet.removeChild(older);
            }
            replaceParam(xml, mailet, WrapConfiguration.VAULT, vault);
            replaceParam(xml, mailet, WrapConfiguration.PORTAL_URL, portalUrl.toString());
        }
    }

    private static void replaceParam(Document xml, Element mailet, String name, String value) {
        Element existing = firstChild(mailet, name);
        if (existing == null) {
            param(xml, mailet, name, value);
        } else {
            existing.setTextContent(value);
        }
    }

    /** For measuring plain James: the {@code outward} processor hands every mail straight to {@code outbound}. */
    private static void bypassInspection(Document xml) {
        Element outward = findProcessor(xml, "outward");
        if (outward == null) {
            return;
        }
        while (outward.hasChildNodes()) {
            outward.removeChild(outward.getFirstChild());
        }
        outward.appendChild(xml.createComment(" inspection configured out, to measure plain James "));
        Element forward = mailet(xml, "ToProcessor");
        param(xml, forward, "processor", OUTBOUND_PROCESSOR);
        outward.appendChild(forward);
    }

    /** The sender's one delay notice, before RemoteDelivery; it promises retries for as long as the schedule lasts. */
    private static Element delayNotice(Document xml, Path stateFolder, Duration after) {
        Element mailet = mailet(xml, DELAY_NOTICE_MAILET);
        param(xml, mailet, NoticeDelayedMailConfiguration.NOTIFY_AFTER, after.toMillis() + " ms");
        param(xml, mailet, NoticeDelayedMailConfiguration.RETRY_FOR, RetrySchedule.lasts().toSeconds() + " seconds");
        // A few looks at the queue within the wait, at most every five minutes.
        Duration scanEvery = after.dividedBy(4);
        param(xml, mailet, NoticeDelayedMailConfiguration.SCAN_EVERY, Math.min(scanEvery.toMillis(), Duration.ofMinutes(5).toMillis()) + " ms");
        param(xml, mailet, NoticeDelayedMailConfiguration.STATE_FOLDER, stateFolder.toString());
        return mailet;
    }

    private static Element remoteDelivery(Document xml) {
        Element mailet = mailet(xml, "RemoteDelivery");
        param(xml, mailet, RemoteDeliveryConfiguration.OUTGOING, RemoteDeliveryConfiguration.DEFAULT_OUTGOING_QUEUE_NAME.asString());
        param(xml, mailet, RemoteDeliveryConfiguration.DELAY_TIME, RetrySchedule.DELAY_TIME);
        param(xml, mailet, RemoteDeliveryConfiguration.MAX_RETRIES, Integer.toString(RetrySchedule.MAX_RETRIES));
        param(xml, mailet, RemoteDeliveryConfiguration.MAX_DNS_PROBLEM_RETRIES, Integer.toString(RetrySchedule.MAX_DNS_PROBLEM_RETRIES));
        // Fewer than the containers' ten, for James versions that read it (3.8.1 does not: see the constant).
        param(xml, mailet, "deliveryThreads", Integer.toString(EMBEDDED_DELIVERY_THREADS));
        param(xml, mailet, RemoteDeliveryConfiguration.SENDPARTIAL, "true");
        param(xml, mailet, RemoteDeliveryConfiguration.BOUNCE_PROCESSOR, "bounces");
        return mailet;
    }

    private static Element mailet(Document xml, String className) {
        Element mailet = xml.createElement("mailet");
        mailet.setAttribute("match", "All");
        mailet.setAttribute("class", className);
        return mailet;
    }

    private static void param(Document xml, Element mailet, String name, String value) {
        Element element = xml.createElement(name);
        element.setTextContent(value);
        mailet.appendChild(element);
    }

    private static Element findProcessor(Document xml, String state) {
        NodeList processors = xml.getElementsByTagName("processor");
        for (int i = 0; i < processors.getLength(); i++) {
            Element processor = (Element) processors.item(i);
            if (state.equals(processor.getAttribute("state"))) {
                return processor;
            }
        }
        return null;
    }

    private static Element firstChild(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(Path file) throws StartupProblem {
        if (!Files.isReadable(file)) {
            throw new StartupProblem(file + " is missing or cannot be read");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Configuration is plain XML: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new StartupProblem(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException | org.xml.sax.SAXException e) {
            throw new StartupProblem(file + " cannot be read as XML: " + describe(e), e);
        }
    }

    private static void write(Document xml, Path file) throws StartupProblem {
        try (OutputStream out = OwnerOnlyFiles.write(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(xml), new StreamResult(out));
        } catch (IOException | TransformerException e) {
            throw new StartupProblem("cannot write " + file + ": " + describe(e), e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
