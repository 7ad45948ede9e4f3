package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.mail.MessagingException;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every Outward mailet in every shipped mailet configuration is read by its configuration record without an
 * unknown parameter: the records refuse those at start, so a name a flavour still carries would stop that
 * flavour's James. Other problems (a policy file that only exists in the container) are not this test's concern.
 */
class ShippedMailetParametersTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String OUTWARD = "org.outward.james.";

    @ParameterizedTest
    @ValueSource(strings = {"deploy/conf/mailetcontainer.xml", "deploy/docker/conf/memory/mailetcontainer.xml",
            "deploy/docker/conf/durable/mailetcontainer.xml", "deploy/docker/conf/distributed/mailetcontainer.xml",
            "deploy/existing-james/outward-processors.xml"})
    void everyOutwardMailetTakesTheParametersItIsGiven(String file) throws Exception {
        NodeList mailets = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(REPO.resolve(file).toFile()).getElementsByTagName("mailet");
        int outward = 0;
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            String type = mailet.getAttribute("class");
            if (!type.startsWith(OUTWARD)) {
                continue;
            }
            outward++;
            String name = type.substring(OUTWARD.length());
            try {
                Class.forName(OUTWARD + "configuration." + name + "Configuration")
                        .getMethod("from", MailetConfig.class).invoke(null, new Parameters(name, mailet));
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as(file + ": " + name).isInstanceOf(MessagingException.class)
                        .hasMessageNotContaining("unknown parameter");
            }
        }
        assertThat(outward).as(file).isGreaterThan(3);
    }

    /** A mailet element's child elements as its init parameters, as James's container reads them. */
    private static final class Parameters implements MailetConfig {

        private final String name;
        private final Map<String, String> values = new LinkedHashMap<>();

        Parameters(String name, Element mailet) {
            this.name = name;
            for (Node node = mailet.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element parameter) {
                    values.put(parameter.getTagName(), parameter.getTextContent());
                }
            }
        }

        @Override
        public String getInitParameter(String parameter) {
            return values.get(parameter);
        }

        @Override
        public Iterator<String> getInitParameterNames() {
            return Collections.unmodifiableSet(values.keySet()).iterator();
        }

        @Override
        public MailetContext getMailetContext() {
            return null;
        }

        @Override
        public String getMailetName() {
            return name;
        }
    }
}
