package com.easycrm4u.camel.waapi.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pom that is published (the parent, the BOM and each module that does not set maven.deploy.skip) carries what
 * Maven Central requires of it, as Central reads it: the pom as installed, with what it inherits from its parent in the
 * reactor. Its own name; a description, url, license (name and url), developer and scm (url and connection), its own or
 * inherited; and no property a consumer cannot resolve (a {@code ${revision}}) in its coordinates or its dependencies.
 */
class CentralPomTest {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void everyPublishedPomCarriesWhatMavenCentralRequires() throws Exception {
        Path root = MarkdownPages.root();
        List<Path> published = publishedPoms(root);

        assertThat(published).as("the parent, the BOM, the component and at least the other published modules")
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(gaps(root, published))
                .as("what Maven Central requires and these published poms lack (add it to the pom, or to the parent pom"
                    + " for what is inherited; a module that is not for users sets maven.deploy.skip=true)")
                .isEmpty();
    }

    /** A reactor like ours whose parent lacks its scm and developers, with a module on a ${revision} version. */
    @Test
    void aMissingFieldOrAnUnresolvedVersionIsSeen() throws Exception {
        Path reactor = Path.of("src", "test", "resources", "reactor-not-for-central").toAbsolutePath();

        assertThat(gaps(reactor, publishedPoms(reactor))).isEqualTo(Map.of(
                "pom.xml", List.of("developers", "scm url", "scm connection"),
                "core/pom.xml", List.of("name", "developers", "scm url", "scm connection",
                        "unresolved ${revision} in version", "unresolved ${missing.version} in a dependency's version")));
    }

    /** The root pom and every module's pom that does not set maven.deploy.skip=true. */
    private static List<Path> publishedPoms(Path root) throws Exception {
        List<Path> poms = new ArrayList<>();
        for (Path module : BomTest.modules(root, Path.of(""))) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (!"true".equals(BomTest.deploySkip(pom))) {
                poms.add(pom);
            }
        }
        return poms;
    }

    /** What each pom lacks, by its path relative to the root; poms that lack nothing are left out. */
    private static Map<String, List<String>> gaps(Path root, List<Path> poms) throws Exception {
        Map<String, List<String>> gaps = new TreeMap<>();
        for (Path pom : poms) {
            List<String> missing = missing(pom);
            if (!missing.isEmpty()) {
                gaps.put(root.relativize(pom).toString().replace('\\', '/'), missing);
            }
        }
        return gaps;
    }

    static List<String> missing(Path pomFile) throws Exception {
        List<Element> lineage = lineage(pomFile);
        Element pom = lineage.get(0);
        List<String> missing = new ArrayList<>();
        if (isBlank(Poms.child(pom, "name"))) {
            missing.add("name");
        }
        for (String inherited : List.of("description", "url")) {
            if (lineage.stream().allMatch(p -> isBlank(Poms.child(p, inherited)))) {
                missing.add(inherited);
            }
        }
        if (lineage.stream().noneMatch(p -> hasEntry(p, "licenses", "license", "name", "url"))) {
            missing.add("licenses");
        }
        if (lineage.stream().noneMatch(p -> hasEntry(p, "developers", "developer", "name"))) {
            missing.add("developers");
        }
        for (String scm : List.of("url", "connection")) {
            if (lineage.stream().noneMatch(p -> element(p, "scm") != null && !isBlank(Poms.child(element(p, "scm"), scm)))) {
                missing.add("scm " + scm);
            }
        }
        missing.addAll(unresolved(lineage));
        return missing;
    }

    /**
     * Properties a consumer of the installed pom cannot resolve: any in its version or its parent's (the parent is
     * found by that version before any property of it is known, a {@code ${revision}} unless a flatten step replaced
     * it), and in a dependency's version one that neither the pom nor its parents define.
     */
    private static List<String> unresolved(List<Element> lineage) {
        Map<String, String> defined = new HashMap<>();
        lineage.forEach(p -> defined.putAll(Poms.properties(p)));
        Element pom = lineage.get(0);
        Element parent = element(pom, "parent");
        List<String> unresolved = new ArrayList<>();
        check(Poms.child(pom, "version"), "version", null, unresolved);
        check(parent == null ? null : Poms.child(parent, "version"), "parent version", null, unresolved);
        for (Poms.Dependency d : Poms.dependencies(pom)) {
            check(d.version(), "a dependency's version", defined, unresolved);
        }
        return unresolved;
    }

    /** @param defined the properties that resolve, and project.*; null when none does */
    private static void check(String value, String where, Map<String, String> defined, List<String> unresolved) {
        if (value == null) {
            return;
        }
        Matcher m = PROPERTY.matcher(value);
        while (m.find()) {
            String name = m.group(1);
            if (defined == null || !defined.containsKey(name) && !name.startsWith("project.")) {
                unresolved.add("unresolved ${" + name + "} in " + where);
            }
        }
    }

    /** The pom, then its parents in the reactor. */
    private static List<Element> lineage(Path pomFile) throws Exception {
        List<Element> lineage = new ArrayList<>();
        for (Path p = pomFile; p != null; p = Poms.reactorParent(p)) {
            lineage.add(Poms.read(p));
        }
        return lineage;
    }

    /** Whether the list element holds an entry with every one of the fields. */
    private static boolean hasEntry(Element pom, String list, String entry, String... fields) {
        Element holder = element(pom, list);
        if (holder == null) {
            return false;
        }
        NodeList entries = holder.getElementsByTagName(entry);
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (List.of(fields).stream().noneMatch(f -> isBlank(Poms.child(e, f)))) {
                return true;
            }
        }
        return false;
    }

    /** A direct child element, or null. */
    private static Element element(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
