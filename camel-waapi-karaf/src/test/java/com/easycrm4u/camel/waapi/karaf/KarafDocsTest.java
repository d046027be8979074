package com.easycrm4u.camel.waapi.karaf;

import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.xml.sax.InputSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/karaf.md's snippets hold together: the Blueprint file is well-formed XML whose beans and properties exist, every
 * placeholder it reads is a key of the documented PID or one of its defaults, and no route carries a credential.
 */
class KarafDocsTest {

    private static final Path DOC = Path.of("../docs/karaf.md");
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\[([\\w.-]+)]");
    private static final String BLUEPRINT = "http://www.osgi.org/xmlns/blueprint/v1.0.0";
    private static final String CM = "http://aries.apache.org/blueprint/xmlns/blueprint-cm/v1.1.0";
    private static final List<String> CREDENTIALS = List.of("apiKey", "apiSecret", "webhookVerifyToken", "waapi_", "secr_");

    @Test
    void blueprintBeansAndPropertiesExist() throws Exception {
        Document blueprint = blueprint();
        NodeList beans = blueprint.getElementsByTagNameNS(BLUEPRINT, "bean");

        assertThat(beans.getLength()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < beans.getLength(); i++) {
            Element bean = (Element) beans.item(i);
            Class<?> type = Class.forName(bean.getAttribute("class"));
            int arguments = 0;
            for (Element child : children(bean)) {
                if ("property".equals(child.getLocalName())) {
                    String setter = "set" + Character.toUpperCase(child.getAttribute("name").charAt(0))
                                    + child.getAttribute("name").substring(1);
                    assertThat(
                            Stream.of(type.getMethods()).filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1))
                            .as(type.getSimpleName() + "." + setter).isNotEmpty();
                } else if ("argument".equals(child.getLocalName())) {
                    arguments++;
                }
            }
            int count = arguments;
            assertThat(Stream.of(type.getConstructors()).filter(c -> Modifier.isPublic(c.getModifiers()))
                    .anyMatch(c -> c.getParameterCount() == count)).as(type.getSimpleName() + " with " + count + " arguments")
                    .isTrue();
        }
    }

    @Test
    void everyPlaceholderIsInThePidOrItsDefaultsAndNoRouteCarriesACredential() throws Exception {
        String doc = Files.readString(DOC);
        String xml = blocks(doc, "xml").get(0);
        Properties pid = new Properties();
        pid.load(new StringReader(blocks(doc, "properties").get(0)));
        Set<String> known = new HashSet<>(pid.stringPropertyNames());
        NodeList defaults = blueprint().getElementsByTagNameNS(CM, "property");
        for (int i = 0; i < defaults.getLength(); i++) {
            known.add(((Element) defaults.item(i)).getAttribute("name"));
        }

        Matcher placeholders = PLACEHOLDER.matcher(xml);
        List<String> used = new ArrayList<>();
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        assertThat(used).contains("apiKey", "apiSecret", "webhookVerifyToken").allMatch(known::contains);
        assertThat(pid.stringPropertyNames()).contains("apiKey", "apiSecret", "fromPhoneNo", "webhookVerifyToken");

        String routes = xml.substring(xml.indexOf("<camelContext"));
        assertThat(CREDENTIALS).noneMatch(routes::contains);
        assertThat(blocks(doc, "yaml")).isNotEmpty().allSatisfy(yaml -> assertThat(CREDENTIALS).noneMatch(yaml::contains));
    }

    private static Document blueprint() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(blocks(Files.readString(DOC), "xml").get(0))));
    }

    private static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
