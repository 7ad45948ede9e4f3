package org.outward.james39;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.mailetcontainer.impl.CompositeProcessorImpl;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.SimpleMailRepositoryLoader;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.NoopGaugeRegistry;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.apache.james.utils.ExtendedClassLoader;
import org.apache.james.utils.ExtensionConfiguration;
import org.apache.james.utils.ClassName;
import org.apache.james.utils.GuiceGenericLoader;
import org.apache.james.utils.GuiceMailetLoader;
import org.apache.james.utils.GuiceMatcherLoader;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailContext;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * James 3.9.0's own mailet container running the processors an admin adds to an existing James
 * ({@code deploy/existing-james/outward-processors.xml}, as shipped), with the values it marks CHANGE set to
 * temporary folders. Mailets and matchers are made by James's Guice loader, which finds Outward's classes in
 * {@code target/extensions-jars} (the transformed plugin jar and its libraries) as a James server finds them in its
 * {@code extensions-jars} folder; repositories are James's memory ones under the shipped {@code file://} names.
 * Mail the processors hand to James's {@code relay} processor is kept in {@link #RELAY}; mail the mailets send
 * (notices, secure-link copies) is what the context records.
 */
final class James39Container implements AutoCloseable {

    static final String RELAY = "file://var/mail/relay/";
    static final String ERROR = "file://var/mail/error/";
    static final String BLOCKED = "file://var/mail/outward-blocked/";
    static final String QUARANTINE = "file://var/mail/outward-quarantine/";
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXTENSIONS_HOME = Path.of("target").toAbsolutePath();

    private final FakeMailContext context;
    private final MemoryMailRepositoryStore repositories;
    private final GuiceGenericLoader loader;
    private final CompositeProcessorImpl processors;

    James39Container(Path work, String portalUrl) throws Exception {
        this(work, portalUrl, EXTENSIONS_HOME, ExtensionConfiguration.DEFAULT, UnaryOperator.identity());
    }

    /**
     * With James's installation folder {@code home} (its {@code extensions-jars} and {@code conf}), the Guice modules
     * {@code extensions} names, as a server's {@code extensions.properties} names them, and the shipped processors
     * edited by {@code chain} after the temporary folders are set.
     */
    James39Container(Path work, String portalUrl, Path home, ExtensionConfiguration extensions,
                     UnaryOperator<String> chain) throws Exception {
        Path policy = Files.copy(REPO.resolve("policies/default-policy.yaml"), work.resolve("policy.yaml"));
        context = FakeMailContext.builder().postmaster(new org.apache.james.core.MailAddress("postmaster@party.example")).build();
        repositories = new MemoryMailRepositoryStore(new MemoryMailRepositoryUrlStore(), new SimpleMailRepositoryLoader(),
                MailRepositoryStoreConfiguration.forItems(new MailRepositoryStoreConfiguration.Item(
                        List.of(new Protocol("file")), MemoryMailRepository.class.getName(),
                        new BaseHierarchicalConfiguration())));
        repositories.init();
        RecordingMetricFactory metrics = new RecordingMetricFactory();
        Injector injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(MetricFactory.class).toInstance(metrics);
                bind(GaugeRegistry.class).toInstance(new NoopGaugeRegistry());
                bind(MailRepositoryStore.class).toInstance(repositories);
                bind(FileSystem.class).toInstance(new FolderFileSystem(home));
                bind(Configuration.ConfigurationPath.class).toInstance(new Configuration.ConfigurationPath("file://conf/"));
            }
        });
        loader = new GuiceGenericLoader(injector, new ExtendedClassLoader(new FolderFileSystem(home)), extensions);
        processors = new CompositeProcessorImpl(metrics, context, new GuiceMatcherLoader(loader),
                new GuiceMailetLoader(loader, Set.of()));
        String xml = chain.apply(shippedProcessors()
                .replace("<policy>/etc/outward/policy.yaml</policy>", "<policy>" + policy + "</policy>")
                .replace("<stateFolder>/var/lib/outward/state</stateFolder>", "<stateFolder>" + work.resolve("state") + "</stateFolder>")
                .replace("<parserProcesses>2</parserProcesses>", "<parserProcesses>0</parserProcesses>")
                .replace("<vaultFolder>/var/lib/outward/vault</vaultFolder>", "<vaultFolder>" + work.resolve("vault") + "</vaultFolder>")
                .replace("<portalUrl>https://files.party.example</portalUrl>", "<portalUrl>" + portalUrl + "</portalUrl>")
                .replace("class=\"ToRepository\"", "class=\"" + KeepInRepository.class.getName() + "\"")
                .replace("<processors>", "<processors enableJmx=\"false\">"
                        + "<processor state=\"root\"><mailet match=\"All\" class=\"ToProcessor\">"
                        + "<processor>outward</processor></mailet></processor>"
                        + keepIn("error", ERROR) + keepIn("relay", RELAY))
                .replace("enableJmx=\"true\"", "enableJmx=\"false\""));
        processors.configure(FileConfigurationProvider.getConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        processors.init();
    }

    private static String keepIn(String state, String repositoryUrl) {
        return "<processor state=\"" + state + "\"><mailet match=\"All\" class=\"" + KeepInRepository.class.getName()
                + "\"><repositoryPath>" + repositoryUrl + "</repositoryPath></mailet></processor>";
    }

    static String shippedProcessors() throws Exception {
        return Files.readString(REPO.resolve("deploy/existing-james/outward-processors.xml"));
    }

    /** Hands the mail to the {@code root} processor, which sends it on to {@code outward} as a server's transport does. */
    void send(Mail mail) throws Exception {
        mail.setState(Mail.DEFAULT);
        processors.service(mail);
    }

    List<Mail> kept(String repositoryUrl) throws Exception {
        MailRepository repository = repositories.select(MailRepositoryUrl.from(repositoryUrl));
        List<Mail> mails = new ArrayList<>();
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            mails.add(repository.retrieve(keys.next()));
        }
        return mails;
    }

    List<FakeMailContext.SentMail> sent() {
        return context.getSentMails();
    }

    /** The class of a mailet or matcher as James's loader makes one named in the configuration. */
    Class<?> pluginClass(String name) throws ClassNotFoundException {
        return loader.instantiate(new ClassName(name)).getClass();
    }

    @Override
    public void close() {
        processors.dispose();
    }
}
