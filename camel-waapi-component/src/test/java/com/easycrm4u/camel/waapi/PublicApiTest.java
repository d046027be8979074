package com.easycrm4u.camel.waapi;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public type the OSGi bundle exports is a promise to users: the list of them is committed in {@value #LIST}, so
 * a change to the API is a visible decision in review. The exported packages are those the bundle's Export-Package
 * instruction in pom.xml selects (first matching clause wins, as in bnd).
 */
class PublicApiTest {

    static final String LIST = "src/test/resources/public-api.txt";
    private static final String UPDATE = "waapi.publicApi.update";

    @Test
    void theExportedPublicTypesAreTheCommittedList() throws Exception {
        List<String> actual = exportedPublicTypes();
        Path list = Path.of(LIST);
        if (Boolean.getBoolean(UPDATE)) {
            Files.write(list, actual, StandardCharsets.UTF_8);
        }
        List<String> committed = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();

        assertThat(actual)
                .as("The public types the bundle exports changed. Every one is an API promise: make it package-private "
                    + "or move it to an *.internal package, or, if users are meant to use it, update " + LIST
                    + " (run PublicApiTest with -D" + UPDATE + "=true, or copy the list below) and say why in the commit")
                .containsExactlyElementsOf(committed);
    }

    @Test
    void theExportRulesAreReadFromThePom() throws IOException {
        List<Clause> clauses = exportClauses();

        assertThat(isExported(clauses, "com.easycrm4u.camel.waapi.webhook")).isTrue();
        assertThat(isExported(clauses, "com.easycrm4u.camel.waapi.webhook.model")).isTrue();
        assertThat(isExported(clauses, "com.easycrm4u.camel.waapi.webhook.internal")).isFalse();
        assertThat(isExported(clauses, "com.easycrm4u.camel.waapi.internal.metrics")).isFalse();
        assertThat(isExported(clauses, "com.easycrm4u.camel.waapi.client")).isFalse();
        assertThat(isExported(clauses, "com.easycrm4u.camel.waapi.operation")).isFalse();
    }

    static List<String> exportedPublicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Clause> clauses = exportClauses();
        Path classes = Path.of(WaapiComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.'))
                    .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
                    .toList();
        }
        TreeSet<String> exported = new TreeSet<>();
        for (String name : names) {
            String packageName = name.substring(0, name.lastIndexOf('.'));
            if (!isExported(clauses, packageName)) {
                continue;
            }
            Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            if (isVisible(type)) {
                exported.add(type.getName());
            }
        }
        return new ArrayList<>(exported);
    }

    /** Public, and reachable from outside: every enclosing type public too; no anonymous or local class. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
            if (!Modifier.isPublic(current.getModifiers()) || current.isAnonymousClass() || current.isLocalClass()
                    || current.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private record Clause(boolean negated, Pattern pattern) {
    }

    /** The clauses of the bundle plugin's Export-Package instruction in pom.xml. */
    private static List<Clause> exportClauses() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher instruction = Pattern.compile("<Export-Package>(.*?)</Export-Package>", Pattern.DOTALL).matcher(pom);
        assertThat(instruction.find()).as("pom.xml has an Export-Package instruction").isTrue();
        List<Clause> clauses = new ArrayList<>();
        for (String clause : instruction.group(1).split(",")) {
            String name = clause.split(";")[0].trim();
            if (name.isEmpty()) {
                continue;
            }
            boolean negated = name.startsWith("!");
            String glob = negated ? name.substring(1) : name;
            clauses.add(new Clause(negated, Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"))));
        }
        return clauses;
    }

    private static boolean isExported(List<Clause> clauses, String packageName) {
        for (Clause clause : clauses) {
            if (clause.pattern().matcher(packageName).matches()) {
                return !clause.negated();
            }
        }
        return false;
    }
}
