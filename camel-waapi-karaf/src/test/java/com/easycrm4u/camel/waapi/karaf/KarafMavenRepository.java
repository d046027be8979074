package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The only Maven repository the Karaf of KarafFeatureInstallTest resolves mvn: URLs from (offline, no remote
 * repository): a folder in Maven's layout, filled with jars and features files the build has already fetched.
 */
final class KarafMavenRepository {

    private final Path root;

    KarafMavenRepository(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A jar at the coordinates of its own META-INF/maven/.../pom.properties (the one that matches its file name). */
    KarafMavenRepository addJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> e.getName().startsWith("META-INF/maven/")
                    && e.getName().endsWith("/pom.properties")).toList()) {
                Properties pom = new Properties();
                try (InputStream in = file.getInputStream(entry)) {
                    pom.load(in);
                }
                if (jar.getFileName().toString().startsWith(pom.getProperty("artifactId") + "-")) {
                    return add(jar, pom.getProperty("groupId"), pom.getProperty("artifactId"), pom.getProperty("version"),
                            null, "jar");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(jar + " has no pom.properties of its own: its Maven coordinates are unknown");
    }

    /** A file at groupId:artifactId:version[:classifier]:type. */
    KarafMavenRepository add(Path file, String groupId, String artifactId, String version, String classifier, String type) {
        Path directory = root.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        String name = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
        try {
            Files.createDirectories(directory);
            Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
