package com.easycrm4u.camel.waapi.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.w3c.dom.Element;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-waapi-bom manages every published module of the reactor, and nothing else. A module is published unless its pom
 * sets maven.deploy.skip to true (examples, the docs' projects, soak and benchmark runs); a module added on any branch
 * is therefore either in the BOM or says that it is not for users.
 */
class BomTest {

    private static final String GROUP = "com.easycrm4u.waapi";
    private static final String BOM = "camel-waapi-bom";

    @Test
    void everyPublishedModuleIsInTheBomAndEveryEntryIsAPublishedModule() throws Exception {
        Path root = MarkdownPages.root();
        assertThat(managed(root.resolve(BOM)))
                .as("camel-waapi-bom's entries; a published module (no maven.deploy.skip=true in its pom) must be "
                    + "added to camel-waapi-bom/pom.xml, a module that is not for users must set maven.deploy.skip")
                .isEqualTo(published(root, BOM));
    }

    @Test
    void theBomHasNoParentAndTheReactorsVersion() throws Exception {
        Element bom = Poms.read(MarkdownPages.root().resolve(BOM).resolve("pom.xml"));
        Element root = Poms.read(MarkdownPages.root().resolve("pom.xml"));
        // a parent's dependencyManagement would reach every project that imports the BOM
        assertThat(bom.getElementsByTagName("parent").getLength()).isZero();
        assertThat(Poms.child(bom, "groupId")).isEqualTo(GROUP);
        assertThat(Poms.child(bom, "version")).isEqualTo(Poms.child(root, "version"));
        assertThat(Poms.child(bom, "packaging")).isEqualTo("pom");
        for (Poms.Dependency d : Poms.dependencies(bom)) {
            assertThat(d.groupId()).as(d.key()).isEqualTo(GROUP);
            assertThat(d.version()).as(d.key() + " version").isEqualTo("${project.version}");
        }
    }

    /** A reactor like ours where a branch added a features module (nested too) but not to the BOM. */
    @Test
    void aModuleAddedWithoutItsBomEntryIsSeen() throws Exception {
        Path reactor = Path.of("src", "test", "resources", "reactor-missing-a-bom-entry").toAbsolutePath();
        assertThat(published(reactor, "bom")).containsExactly("core", "karaf-features");
        assertThat(managed(reactor.resolve("bom"))).containsExactly("core");
    }

    /** The artifactIds of the reactor's modules that do not set maven.deploy.skip, without the root and the BOM. */
    static Set<String> published(Path root, String bomFolder) throws Exception {
        Set<String> published = new TreeSet<>();
        for (Path module : modules(root, Path.of(""))) {
            Path pomFile = root.resolve(module).resolve("pom.xml");
            Element pom = Poms.read(pomFile);
            boolean notForUsers = "true".equals(deploySkip(pomFile));
            if (!notForUsers && !module.toString().isEmpty() && !module.equals(Path.of(bomFolder))) {
                published.add(Poms.child(pom, "artifactId"));
            }
        }
        return published;
    }

    /** maven.deploy.skip of this pom, or as inherited from its parent in the reactor. */
    static String deploySkip(Path pomFile) throws Exception {
        String own = Poms.properties(Poms.read(pomFile)).get("maven.deploy.skip");
        if (own != null) {
            return own;
        }
        Path parentPom = Poms.reactorParent(pomFile);
        return parentPom == null ? null : deploySkip(parentPom);
    }

    static Set<String> managed(Path bomFolder) throws Exception {
        Set<String> managed = new TreeSet<>();
        Poms.dependencies(Poms.read(bomFolder.resolve("pom.xml"))).forEach(d -> managed.add(d.artifactId()));
        return managed;
    }

    /** Every module under this folder, nested ones included, relative to the root ("" is the root). */
    static List<Path> modules(Path root, Path folder) throws Exception {
        List<Path> modules = new ArrayList<>();
        modules.add(folder);
        for (String module : Poms.modules(Poms.read(root.resolve(folder).resolve("pom.xml")))) {
            modules.addAll(modules(root, folder.resolve(module).normalize()));
        }
        return modules;
    }
}
