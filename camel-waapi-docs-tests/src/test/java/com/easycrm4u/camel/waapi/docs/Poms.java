package com.easycrm4u.camel.waapi.docs;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.xml.sax.InputSource;

/** Reads Maven poms and pom fragments: their modules, properties and dependencies. */
final class Poms {

    /** A dependency element; version, type and scope are null when absent. */
    record Dependency(String groupId, String artifactId, String version, String type, String scope) {

        String key() {
            return groupId + ":" + artifactId;
        }

        boolean isBomImport() {
            return "pom".equals(type) && "import".equals(scope);
        }
    }

    private Poms() {
    }

    /** Parses XML; a fragment (several top-level elements, or one that is not a project) is wrapped in a root. */
    static Element parse(String xml) throws Exception {
        String trimmed = xml.strip();
        boolean document = trimmed.startsWith("<?xml") || trimmed.startsWith("<project");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document parsed = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(document ? trimmed : "<fragment>" + trimmed + "</fragment>")));
        return parsed.getDocumentElement();
    }

    static Element read(Path pom) throws Exception {
        return parse(Files.readString(pom, StandardCharsets.UTF_8));
    }

    static List<Dependency> dependencies(Element root) {
        List<Dependency> dependencies = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            if (child(d, "artifactId") == null) {
                continue;
            }
            dependencies.add(new Dependency(
                    child(d, "groupId"), child(d, "artifactId"), child(d, "version"),
                    child(d, "type"), child(d, "scope")));
        }
        return dependencies;
    }

    /** The properties defined in any properties element. */
    static Map<String, String> properties(Element root) {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = root.getElementsByTagName("properties");
        for (int i = 0; i < nodes.getLength(); i++) {
            for (Node p = nodes.item(i).getFirstChild(); p != null; p = p.getNextSibling()) {
                if (p instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    static List<String> modules(Element project) {
        List<String> modules = new ArrayList<>();
        NodeList nodes = project.getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /**
     * The pom of this pom's parent when the parent is in the reactor (by relativePath, default ../pom.xml), else null.
     */
    static Path reactorParent(Path pomFile) throws Exception {
        NodeList parents = read(pomFile).getElementsByTagName("parent");
        if (parents.getLength() == 0) {
            return null;
        }
        Element parent = (Element) parents.item(0);
        String relativePath = child(parent, "relativePath");
        Path parentPom = pomFile.getParent().resolve(relativePath == null ? "../pom.xml" : relativePath).normalize();
        if (Files.isDirectory(parentPom)) {
            parentPom = parentPom.resolve("pom.xml");
        }
        if (!Files.isRegularFile(parentPom) || !child(parent, "artifactId").equals(child(read(parentPom), "artifactId"))) {
            return null;
        }
        return parentPom;
    }

    /** The text of a direct child element, or null. */
    static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
