package com.easycrm4u.camel.waapi.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;

/**
 * A copy of the Apache Karaf distribution, started by a test as {@code bin/karaf server} and driven through its own
 * shell client ({@code bin/client}, SSH on 127.0.0.1). Its Maven URL handler is offline and reads one local repository
 * only; SSH and JMX listen on free loopback ports.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final String ANSI = "\u001B\\[[0-9;]*m";

    private final Path home;
    private final int sshPort;
    private Process process;

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /**
     * A fresh copy of the distribution at {@code home}, offline on {@code repository}, with Karaf's features processing
     * file {@code featuresProcessing} (etc/org.apache.karaf.features.xml).
     */
    static KarafInstance prepare(Path distribution, Path home, KarafMavenRepository repository, Path featuresProcessing)
            throws IOException {
        delete(home);
        copy(distribution, home);
        Path etc = home.resolve("etc");
        int sshPort = WaapiSandbox.freeLoopbackPort();
        Files.writeString(etc.resolve("maven-settings.xml"), "<settings/>\n");
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.offline = true",
                "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                "org.ops4j.pax.url.mvn.settings = ${karaf.etc}/maven-settings.xml",
                "org.ops4j.pax.url.mvn.localRepository = " + repository.root().toAbsolutePath(),
                "org.ops4j.pax.url.mvn.defaultRepositories = ${karaf.home.uri}system@id=system.repository@snapshots",
                "org.ops4j.pax.url.mvn.repositories =", ""));
        edit(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshHost", "127.0.0.1", "sshPort", String.valueOf(sshPort)));
        edit(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
                "rmiRegistryHost", "127.0.0.1", "rmiRegistryPort", String.valueOf(WaapiSandbox.freeLoopbackPort()),
                "rmiServerHost", "127.0.0.1", "rmiServerPort", String.valueOf(WaapiSandbox.freeLoopbackPort())));
        Files.writeString(etc.resolve("users.properties"),
                "karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        Files.copy(featuresProcessing, etc.resolve("org.apache.karaf.features.xml"), StandardCopyOption.REPLACE_EXISTING);
        return new KarafInstance(home, sshPort);
    }

    void start() throws IOException {
        ProcessBuilder karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        karaf.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = karaf.start();
    }

    /** Runs a Karaf shell command and returns what it printed; fails when the command fails. */
    String shell(String command) {
        ProcessBuilder client = new ProcessBuilder(
                home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                String.valueOf(sshPort), "-u", "karaf", "-p", "karaf", "-r", "60", "-d", "1", command)
                .redirectErrorStream(true);
        client.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process run = client.start();
            // the client ends its session when its input ends: keep it open until the command is done
            String output;
            try (var in = run.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll(ANSI, "");
            }
            if (!run.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                run.destroyForcibly();
                throw new IllegalStateException("`" + command + "` did not end in " + COMMAND_TIMEOUT);
            }
            run.getOutputStream().close();
            if (run.exitValue() != 0 || output.contains("Error executing command")) {
                throw new IllegalStateException("`" + command + "` failed (" + run.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A configuration file in etc/, which Karaf hands to ConfigAdmin as the PID of its name. */
    void writeConfiguration(String pid, Map<String, String> properties) throws IOException {
        Path temporary = home.resolve(pid + ".cfg.tmp");
        Files.writeString(temporary, properties.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Files.move(temporary, home.resolve("etc").resolve(pid + ".cfg"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    void deleteConfiguration(String pid) throws IOException {
        Files.delete(home.resolve("etc").resolve(pid + ".cfg"));
    }

    /** The names of the live threads of Karaf's JVM (jcmd Thread.print: full names, unlike the shell's table). */
    List<String> threadNames() {
        return jcmd("Thread.print").lines().filter(l -> l.startsWith("\"")).map(l -> l.substring(1, l.indexOf('"', 1)))
                .toList();
    }

    /** A full GC in Karaf's JVM, so that the selector threads of unreachable JDK HTTP clients end. */
    void collectGarbage() {
        jcmd("GC.run");
    }

    private String jcmd(String command) {
        long pid = process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Karaf's JVM is not running")).pid();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path deployFolder() {
        return home.resolve("deploy");
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        ProcessBuilder stop = new ProcessBuilder(home.resolve("bin/stop").toString()).redirectErrorStream(true)
                .redirectOutput(home.resolve("stop.log").toFile());
        stop.environment().put("JAVA_HOME", System.getProperty("java.home"));
        stop.start().waitFor(60, TimeUnit.SECONDS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void edit(Path cfg, Map<String, String> values) throws IOException {
        String text = Files.readString(cfg);
        for (Map.Entry<String, String> value : values.entrySet()) {
            String line = value.getKey() + " = " + value.getValue();
            String replaced = text.replaceAll("(?m)^" + value.getKey() + "\\s*=.*$", Matcher.quoteReplacement(line));
            text = replaced.equals(text) && !text.contains(line) ? text + "\n" + line + "\n" : replaced;
        }
        Files.writeString(cfg, text);
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> tree = Files.walk(from)) {
            files = tree.toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(target);
            } else {
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            List<Path> files;
            try (Stream<Path> tree = Files.walk(directory)) {
                files = new ArrayList<>(tree.sorted(Comparator.reverseOrder()).toList());
            }
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }
}
