package com.easycrm4u.camel.waapi.karaf;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Maven artifacts of this JVM's class path hold a package: what a bundle's import would be wired to. */
final class ClasspathPackages {

    private static final Pattern ARTIFACT_ID = Pattern.compile("(.+?)-\\d.*\\.jar");

    private final Map<String, Set<String>> artifactIdsByPackage = new HashMap<>();

    private ClasspathPackages() {
    }

    static ClasspathPackages ofThisJvm() {
        ClasspathPackages index = new ClasspathPackages();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                index.add(new File(entry));
            }
        }
        return index;
    }

    /** The artifact ids of the jars that hold classes of that package; empty if none does. */
    Set<String> artifactIdsOf(String pkg) {
        return artifactIdsByPackage.getOrDefault(pkg, Set.of());
    }

    private void add(File jar) {
        try (JarFile file = new JarFile(jar)) {
            String artifactId = artifactId(file, jar.getName());
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF/")) {
                    artifactIdsByPackage.computeIfAbsent(name.substring(0, name.lastIndexOf('/')).replace('/', '.'),
                            p -> new TreeSet<>()).add(artifactId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** The artifact id of the jar's own pom.properties when it has exactly one, else the one in its file name. */
    private static String artifactId(JarFile file, String fileName) throws IOException {
        var poms = file.stream()
                .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties"))
                .toList();
        if (poms.size() == 1) {
            try (InputStream in = file.getInputStream(poms.get(0))) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("artifactId");
            }
        }
        Matcher name = ARTIFACT_ID.matcher(fileName);
        return name.matches() ? name.group(1) : fileName;
    }
}
