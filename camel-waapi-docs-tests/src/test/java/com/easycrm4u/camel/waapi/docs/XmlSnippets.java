package com.easycrm4u.camel.waapi.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks an XML block as Maven would read it when pasted: it is well-formed; our artifacts it names exist (they are in
 * camel-waapi-bom); a dependency without a version is managed by a BOM that this page, or a page it links to, imports;
 * every {@code ${property}} it uses is defined there too; and the versions it writes out are the ones this build uses.
 */
final class XmlSnippets {

    private static final String GROUP = "com.easycrm4u.waapi";
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.md)(?:#[^)]*)?\\)");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([\\w.-]+)}");

    /** Which BOM manages the versions of a group. */
    private static final Map<String, List<String>> BOMS = Map.of(
            GROUP, List.of("com.easycrm4u.waapi:camel-waapi-bom"),
            "org.apache.camel", List.of("org.apache.camel:camel-bom", "org.apache.camel.quarkus:camel-quarkus-bom"),
            "org.apache.camel.springboot", List.of("org.apache.camel.springboot:camel-spring-boot-bom"),
            "org.apache.camel.quarkus", List.of("org.apache.camel.quarkus:camel-quarkus-bom"),
            "io.quarkus", List.of("io.quarkus:quarkus-bom"),
            "org.springframework.boot", List.of("org.springframework.boot:spring-boot-dependencies",
                    "org.springframework.boot:spring-boot-starter-parent"));

    /**
     * The artifacts of a group that a BOM not listed for the whole group manages: camel-spring-boot-bom manages the
     * starters, and of org.apache.camel only this one (not camel-health, for one).
     */
    private static final Map<String, List<String>> ARTIFACT_BOMS = Map.of(
            "org.apache.camel:camel-test-spring-junit5", List.of("org.apache.camel.springboot:camel-spring-boot-bom"));

    /** The root pom's property that holds the version of a BOM or parent, when a page writes it out. */
    private static final Map<String, String> BUILD_VERSIONS = Map.of(
            "org.apache.camel:camel-bom", "camel.version",
            "org.apache.camel.springboot:camel-spring-boot-bom", "camel-spring-boot.version",
            "org.apache.camel.quarkus:camel-quarkus-bom", "camel-quarkus.version",
            "io.quarkus:quarkus-bom", "quarkus.version",
            "org.springframework.boot:spring-boot-dependencies", "spring-boot.version",
            "org.springframework.boot:spring-boot-starter-parent", "spring-boot.version");

    private XmlSnippets() {
    }

    static void check(Snippet snippet) throws Exception {
        Element xml;
        try {
            xml = Poms.parse(snippet.text());
        } catch (Exception e) {
            throw new AssertionError(snippet.where() + ": not well-formed XML: " + e.getMessage(), e);
        }
        Set<Path> pages = withLinkedPages(snippet.page());
        Map<String, String> properties = new LinkedHashMap<>();
        Set<String> imported = new LinkedHashSet<>();
        Set<String> importedHere = new LinkedHashSet<>();
        for (Path page : pages) {
            for (Snippet other : MarkdownPages.snippets(page, MarkdownPages.read(page))) {
                if (other.language().equals("xml")) {
                    Element parsed = Poms.parse(other.text());
                    properties.putAll(Poms.properties(parsed));
                    Set<String> boms = new LinkedHashSet<>(parents(parsed));
                    Poms.dependencies(parsed).stream().filter(Poms.Dependency::isBomImport)
                            .forEach(d -> boms.add(d.key()));
                    imported.addAll(boms);
                    if (page.equals(snippet.page())) {
                        importedHere.addAll(boms);
                    }
                }
            }
        }
        if (!importedHere.isEmpty()) {
            // a page that shows its project's pom: its dependencies are managed by that pom's BOMs, not by another
            // page's (the Camel Main pom of the README imports camel-bom, a Spring Boot project's does not)
            imported = importedHere;
        }
        Set<String> published = BomTest.managed(MarkdownPages.root().resolve("camel-waapi-bom"));
        Element build = Poms.read(MarkdownPages.root().resolve("pom.xml"));
        // every <properties> of the root pom, its profiles' last (they win), and its own alone
        Map<String, String> buildProperties = Poms.properties(build);
        Map<String, String> defaultProperties = new LinkedHashMap<>();
        for (Node n = build.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("properties")) {
                for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element property) {
                        defaultProperties.put(property.getTagName(), property.getTextContent().trim());
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Poms.Dependency d : Poms.dependencies(xml)) {
            if (GROUP.equals(d.groupId()) && !d.artifactId().equals("camel-waapi-bom") && !published.contains(d.artifactId())) {
                problems.add(d.key() + " is not a published artifact (not in camel-waapi-bom)");
            }
            if (d.version() == null) {
                List<String> boms = BOMS.containsKey(d.groupId()) || ARTIFACT_BOMS.containsKey(d.key())
                        ? new ArrayList<>(BOMS.getOrDefault(d.groupId(), List.of()))
                        : null;
                if (boms != null) {
                    boms.addAll(ARTIFACT_BOMS.getOrDefault(d.key(), List.of()));
                }
                if (boms == null) {
                    problems.add(d.key() + " has no version, and no BOM is known to manage " + d.groupId());
                } else if (boms.stream().noneMatch(imported::contains)) {
                    problems.add(d.key() + " has no version: import " + String.join(" or ", boms)
                                 + " in a pom block of " + snippet.page() + " or link to a page that shows it");
                }
                continue;
            }
            Matcher used = PROPERTY.matcher(d.version());
            String version = d.version();
            if (used.matches()) {
                if (!properties.containsKey(used.group(1)) && !used.group(1).startsWith("project.")) {
                    problems.add(d.key() + " uses ${" + used.group(1) + "}, which " + snippet.page()
                                 + " (and the pages it links to) never define");
                    continue;
                }
                version = properties.get(used.group(1));
            }
            // a page may write out the default build's version (the previous line) or the camel-4.22 profile's (the current)
            Set<String> expected = new LinkedHashSet<>();
            if (GROUP.equals(d.groupId())) {
                expected.add(Poms.child(build, "version"));
            } else if (BUILD_VERSIONS.containsKey(d.key())) {
                expected.add(defaultProperties.get(BUILD_VERSIONS.get(d.key())));
                expected.add(buildProperties.get(BUILD_VERSIONS.get(d.key())));
            }
            expected.remove(null);
            if (version != null && !expected.isEmpty() && !expected.contains(version)) {
                problems.add(d.key() + " " + version + ": this build uses " + String.join(" or ", expected));
            }
        }
        if (snippet.hasClause("pom-of")) {
            problems.addAll(notInModule(xml, snippet.clause("pom-of").get()));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(snippet.where() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * {@code pom-of <module>}: the block is the pom of that module of this repository, whose build runs the project the
     * page shows; each dependency of the block must be one of the module's, with the same scope.
     */
    private static List<String> notInModule(Element xml, String module) throws Exception {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (Poms.Dependency d : Poms.dependencies(Poms.read(MarkdownPages.root().resolve(module).resolve("pom.xml")))) {
            scopes.put(d.key(), d.scope() == null ? "compile" : d.scope());
        }
        List<String> problems = new ArrayList<>();
        for (Poms.Dependency d : Poms.dependencies(xml)) {
            String scope = d.scope() == null ? "compile" : d.scope();
            if (!d.isBomImport() && !scope.equals(scopes.get(d.key()))) {
                problems.add(d.key() + " (" + scope + ") is not a " + scope + " dependency of " + module
                             + ", whose build tests what the page shows");
            }
        }
        return problems;
    }

    private static List<String> parents(Element xml) {
        List<String> parents = new ArrayList<>();
        var nodes = xml.getElementsByTagName("parent");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element parent = (Element) nodes.item(i);
            parents.add(Poms.child(parent, "groupId") + ":" + Poms.child(parent, "artifactId"));
        }
        return parents;
    }

    /** The page and the pages of this repository it links to. */
    private static Set<Path> withLinkedPages(Path page) {
        Set<Path> pages = new LinkedHashSet<>();
        pages.add(page);
        Matcher link = LINK.matcher(MarkdownPages.read(page));
        while (link.find()) {
            if (link.group(1).contains("://")) {
                continue;
            }
            Path target = page.resolveSibling(link.group(1)).normalize();
            if (MarkdownPages.root().resolve(target).toFile().isFile()) {
                pages.add(target);
            }
        }
        return pages;
    }
}
