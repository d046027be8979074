package com.easycrm4u.camel.waapi.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A user's project, built by a Maven of its own outside this reactor, as a user builds it: the reactor's artifacts are
 * published into a repository under target (never into the build's own local repository), which reads everything else
 * from the build's local repository first.
 */
final class UserProject {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final String WAAPI_VERSION = System.getProperty("waapi.version", "1.0.0-SNAPSHOT");
    private static final Path REPOSITORY = Path.of("target", "user-repository").toAbsolutePath();
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final Pattern DEPENDENCY_TAG = Pattern.compile("(?s)\\s*<dependency>((?!</dependency>).)*</dependency>");
    private static boolean published;

    private final Path dir;

    private UserProject(Path dir) {
        this.dir = dir;
    }

    /** A project in target/projects/{name} with this pom. */
    static UserProject create(String name, String pom) throws IOException {
        publishReactorArtifacts();
        Path dir = Path.of("target", "projects", name).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        return new UserProject(dir);
    }

    Path dir() {
        return dir;
    }

    /**
     * Copies a source tree (a folder of the repository) into the project, at the same relative place under {@code to}.
     */
    UserProject copy(String from, String to) throws IOException {
        Path source = ROOT.resolve(from);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(to).resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return this;
    }

    UserProject write(String path, String content) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content, StandardCharsets.UTF_8);
        return this;
    }

    /** Runs Maven on the project; returns its output, and fails with it when Maven fails. */
    String maven(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(ROOT.resolve("mvnw").toString(), "-B", "-ntp",
                        "-Dmaven.repo.local=" + REPOSITORY, "-Dmaven.repo.local.tail=" + System.getProperty("outer.repository"),
                        "-f", dir.resolve("pom.xml").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = dir.resolve("maven-" + System.nanoTime() + ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Maven did not finish within 15 minutes on " + dir + "; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("Maven " + arguments[arguments.length - 1] + " failed on " + dir + ":\n" + tail(output));
        }
        return output;
    }

    /** group:artifact[:classifier] to version, for every artifact the project resolves (test scope included). */
    Map<String, String> resolvedVersions() throws Exception {
        Path list = dir.resolve("target").resolve("dependencies.txt");
        maven(Map.of(), "-q", DEPENDENCY_PLUGIN + ":list", "-DoutputFile=" + list, "-DappendOutput=false");
        Map<String, String> versions = new TreeMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String coordinates = line.strip().replaceAll(" -- .*$", "");
            String[] parts = coordinates.split(":");
            if (parts.length == 5) {
                versions.put(parts[0] + ":" + parts[1], parts[3]);
            } else if (parts.length == 6) {
                versions.put(parts[0] + ":" + parts[1] + ":" + parts[3], parts[4]);
            }
        }
        if (versions.isEmpty()) {
            throw new AssertionError("dependency:list found nothing in " + list);
        }
        return versions;
    }

    /**
     * The same pom without the camel-waapi artifacts, with these dependencies instead (group:artifact, their versions
     * from the project's BOMs): what the user's platform resolves on its own.
     */
    static String withoutWaapi(String pom, String... probes) {
        Matcher dependencies = Pattern.compile("(?s)<dependencies>(.*)</dependencies>").matcher(pom);
        int managementEnd = pom.indexOf("</dependencyManagement>");
        int from = managementEnd < 0 ? 0 : managementEnd;
        if (!dependencies.find(from)) {
            throw new AssertionError("no <dependencies> in the pom");
        }
        StringBuilder kept = new StringBuilder();
        Matcher dependency = DEPENDENCY_TAG.matcher(dependencies.group(1));
        while (dependency.find()) {
            if (!dependency.group().contains("<groupId>com.easycrm4u.waapi</groupId>")) {
                kept.append(dependency.group());
            }
        }
        for (String probe : probes) {
            String[] ga = probe.split(":");
            kept.append("\n<dependency><groupId>").append(ga[0]).append("</groupId><artifactId>").append(ga[1])
                    .append("</artifactId></dependency>");
        }
        return pom.substring(0, dependencies.start(1)) + kept + "\n" + pom.substring(dependencies.end(1));
    }

    /** The pom of a Markdown page's snippet marked {@code <!-- snippet: pom-of MODULE -->}. */
    static String documentedPom(String page, String module) throws IOException {
        String markdown = Files.readString(ROOT.resolve(page), StandardCharsets.UTF_8);
        String marker = "<!-- snippet: pom-of " + module + " -->";
        int at = markdown.indexOf(marker);
        if (at < 0) {
            throw new AssertionError(page + " has no " + marker);
        }
        int start = markdown.indexOf("```xml", at) + "```xml".length();
        return markdown.substring(start, markdown.indexOf("```", start)).strip();
    }

    /** Replaces the text of the first element {@code <tag>} after {@code after} (an empty string for the first). */
    static String setElement(String pom, String after, String tag, String value) {
        int from = pom.indexOf(after);
        int start = pom.indexOf("<" + tag + ">", from) + tag.length() + 2;
        int end = pom.indexOf("</" + tag + ">", start);
        if (from < 0 || start < tag.length() + 2 || end < 0) {
            throw new AssertionError("no <" + tag + "> after '" + after + "' in the pom");
        }
        return pom.substring(0, start) + value + pom.substring(end);
    }

    private static synchronized void publishReactorArtifacts() throws IOException {
        if (published) {
            return;
        }
        deleteTree(REPOSITORY.resolve("com/easycrm4u"));
        publish("camel-waapi-parent", "pom.xml", null);
        publish("camel-waapi-bom", "camel-waapi-bom/pom.xml", null);
        publish("camel-waapi", "camel-waapi-component/pom.xml", "camel-waapi-component/target");
        publish("camel-waapi-sandbox", "camel-waapi-sandbox/pom.xml", "camel-waapi-sandbox/target");
        publish("camel-waapi-spring-boot-starter", "camel-waapi-spring-boot-starter/pom.xml",
                "camel-waapi-spring-boot-starter/target");
        published = true;
    }

    private static void publish(String artifactId, String pom, String target) throws IOException {
        Path dir = REPOSITORY.resolve("com/easycrm4u/waapi").resolve(artifactId).resolve(WAAPI_VERSION);
        Files.createDirectories(dir);
        String base = artifactId + "-" + WAAPI_VERSION;
        Files.copy(ROOT.resolve(pom), dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (target != null) {
            Path jar = ROOT.resolve(target).resolve(base + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError(jar + " is not built: run this module in the reactor (./mvnw verify)");
            }
            Files.copy(jar, dir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String tail(String output) {
        return output.length() > 8000 ? output.substring(output.length() - 8000) : output;
    }
}
