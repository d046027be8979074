package com.easycrm4u.camel.waapi.karaf;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A Karaf features repository (features.xml) read as what it declares: repositories and features. */
record FeaturesRepository(List<String> repositories, List<Feature> features) {

    /** A feature: its name, version, the features it depends on and its bundle URLs. */
    record Feature(String name, String version, List<Dependency> dependencies, List<String> bundles) {
    }

    /** A feature dependency: a name and an optional version range. */
    record Dependency(String name, String versionRange) {
    }

    static FeaturesRepository read(Path xml) {
        try {
            Document document = parse(xml);
            List<String> repositories = new ArrayList<>();
            List<Feature> features = new ArrayList<>();
            for (Element child : children(document.getDocumentElement())) {
                if ("repository".equals(child.getLocalName())) {
                    repositories.add(child.getTextContent().trim());
                } else if ("feature".equals(child.getLocalName())) {
                    features.add(feature(child));
                }
            }
            return new FeaturesRepository(repositories, features);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the features repository " + xml, e);
        }
    }

    /**
     * The features of a Karaf features processing file (etc/org.apache.karaf.features.xml): those its
     * featureReplacements put in place of the features of the same name and version.
     */
    static FeaturesRepository readReplacements(Path xml) {
        try {
            Document document = parse(xml);
            List<Feature> features = new ArrayList<>();
            NodeList replacements = document.getElementsByTagNameNS("*", "replacement");
            for (int i = 0; i < replacements.getLength(); i++) {
                children((Element) replacements.item(i)).forEach(feature -> features.add(feature(feature)));
            }
            return new FeaturesRepository(List.of(), features);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the features processing file " + xml, e);
        }
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    List<Feature> named(String name) {
        return features.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The features of that name whose version the range accepts (any version when the range is null). */
    List<Feature> matching(Dependency dependency) {
        return named(dependency.name()).stream().filter(f -> dependency.versionRange() == null
                || VersionRange.parse(dependency.versionRange()).includes(f.version()))
                .toList();
    }

    /**
     * The bundle URLs a feature installs: its own and those of the features it depends on, as far as this repository
     * defines them (Karaf's own features, such as spifly, are not followed).
     */
    Set<String> bundlesInstalledBy(Feature feature) {
        Set<String> bundles = new TreeSet<>();
        Deque<Feature> pending = new ArrayDeque<>(List.of(feature));
        Set<Feature> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Feature next = pending.pop();
            if (seen.add(next)) {
                bundles.addAll(next.bundles());
                next.dependencies().forEach(d -> pending.addAll(matching(d)));
            }
        }
        return bundles;
    }

    /** The artifact id of a bundle URL: mvn:g/a/v, also inside wrap:mvn:g/a/v$instructions. */
    static String artifactId(String bundleUrl) {
        String mvn = bundleUrl.replaceFirst("^wrap:", "").replaceFirst("\\$.*", "");
        if (!mvn.startsWith("mvn:")) {
            throw new IllegalArgumentException("not a Maven bundle URL: " + bundleUrl);
        }
        return mvn.substring("mvn:".length()).split("/")[1];
    }

    private static Feature feature(Element element) {
        List<Dependency> dependencies = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        collect(element, dependencies, bundles);
        return new Feature(element.getAttribute("name"), element.getAttribute("version"), dependencies, bundles);
    }

    /** A feature's bundles and dependencies, also those inside its conditionals. */
    private static void collect(Element element, List<Dependency> dependencies, List<String> bundles) {
        for (Element child : children(element)) {
            switch (child.getLocalName()) {
                case "feature" -> dependencies.add(new Dependency(
                        child.getTextContent().trim(),
                        child.hasAttribute("version") ? child.getAttribute("version") : null));
                case "bundle" -> bundles.add(child.getTextContent().trim());
                case "conditional" -> collect(child, dependencies, bundles);
                default -> {
                }
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
