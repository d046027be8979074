package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Camel's core jars of one version as OSGi bundles, one per jar as Camel Karaf's camel-core feature has them: each
 * exports its packages at that version and imports the others' (so camel-core-osgi's extender sees a bundle that
 * provides a language or a type converter wired to the same Camel API as itself).
 */
final class CamelCoreBundles {

    private CamelCoreBundles() {
    }

    static List<Path> write(List<Path> camelJars, String version, Path directory) throws IOException {
        Map<Path, Set<String>> packagesByJar = new LinkedHashMap<>();
        for (Path jar : camelJars) {
            packagesByJar.put(jar, packages(jar));
        }
        String range = "[" + majorMinor(version) + "," + nextMinor(version) + ")";
        List<Path> bundles = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> jar : packagesByJar.entrySet()) {
            String others = packagesByJar.entrySet().stream().filter(e -> e != jar).flatMap(e -> e.getValue().stream())
                    .map(p -> p + ";version=\"" + range + "\";resolution:=optional").collect(Collectors.joining(","));
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", jar.getKey().getFileName().toString().replace("-" + version + ".jar", ""));
            main.putValue("Bundle-Version", version);
            main.putValue("Export-Package",
                    jar.getValue().stream().map(p -> p + ";version=\"" + version + "\"").collect(Collectors.joining(",")));
            main.putValue("Import-Package", others + (others.isEmpty() ? "" : ",") + "org.slf4j;version=\"[1.7,3)\"");
            // what Camel reaches for by name (the JDK's javax.*, optional libraries) is found when present
            main.putValue("DynamicImport-Package", "*");
            bundles.add(copy(jar.getKey(), manifest, directory.resolve(jar.getKey().getFileName())));
        }
        return bundles;
    }

    private static Set<String> packages(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The jar with that manifest, without the class versions for newer JDKs (the base classes run on 17). */
    private static Path copy(Path jar, Manifest manifest, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (JarFile in = new JarFile(jar.toFile());
             OutputStream file = Files.newOutputStream(target);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (JarEntry entry : in.stream().toList()) {
                String name = entry.getName();
                if (name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/versions/")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }

    private static String nextMinor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + (Integer.parseInt(parts[1]) + 1);
    }
}
