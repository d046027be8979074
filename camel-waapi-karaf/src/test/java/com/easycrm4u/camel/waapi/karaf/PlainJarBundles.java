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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain jars (Camel's, Vert.x's, the example's) as OSGi bundles, one per jar, as Camel Karaf repackages Camel's jars and
 * wraps Vert.x's: each exports its packages at its version and imports the other jars' packages, so that
 * camel-core-osgi's extender sees a jar that provides a component, language or converter wired to the same Camel API as
 * itself. Anything else is found by dynamic import.
 */
final class PlainJarBundles {

    private static final Pattern NAME_AND_VERSION = Pattern.compile("(.+?)-(\\d[^-]*(?:-SNAPSHOT)?)\\.jar");

    private PlainJarBundles() {
    }

    /** Whether the jar already is a bundle. */
    static boolean isBundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> write(List<Path> jars, Path directory) throws IOException {
        Map<Path, Set<String>> packagesByJar = new LinkedHashMap<>();
        for (Path jar : jars) {
            packagesByJar.put(jar, packages(jar));
        }
        List<Path> bundles = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> jar : packagesByJar.entrySet()) {
            Matcher name = NAME_AND_VERSION.matcher(jar.getKey().getFileName().toString());
            if (!name.matches()) {
                throw new IllegalArgumentException("no version in the name of " + jar.getKey());
            }
            String version = name.group(2).replace('-', '.');
            Set<String> others = packagesByJar.entrySet().stream().filter(e -> e != jar).flatMap(e -> e.getValue().stream())
                    .filter(p -> !jar.getValue().contains(p)).collect(Collectors.toCollection(TreeSet::new));
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", name.group(1));
            main.putValue("Bundle-Version", version);
            main.putValue("Export-Package",
                    jar.getValue().stream().map(p -> p + ";version=\"" + version + "\"").collect(Collectors.joining(",")));
            main.putValue("Import-Package", others.stream().map(p -> p + ";resolution:=optional")
                    .collect(Collectors.joining(",", "", others.isEmpty() ? "org.slf4j" : ",org.slf4j")));
            main.putValue("DynamicImport-Package", "*");
            bundles.add(copy(jar.getKey(), manifest, directory.resolve(jar.getKey().getFileName())));
        }
        return bundles;
    }

    private static Set<String> packages(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .filter(n -> n.contains("/")).map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
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
}
