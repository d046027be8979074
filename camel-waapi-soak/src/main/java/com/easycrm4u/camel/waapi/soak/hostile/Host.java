package com.easycrm4u.camel.waapi.soak.hostile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A host the hostile-load run attacks, with the main class of its receiver and what of this module's class path it
 * leaves out (the other host's server), so the child runs what an application of that kind has.
 */
public enum Host {

    /** Camel Main with camel-platform-http-main: platform-http on Vert.x. */
    CAMEL_MAIN("camel-main", CamelMainReceiver.class,
               List.of("spring", "tomcat", "camel-http-common", "jakarta.servlet", "hazelcast")),
    /** Spring Boot 3 on Tomcat with the starter and camel-platform-http-starter: platform-http on Spring MVC. */
    SPRING_BOOT("spring-boot", SpringBootReceiver.class,
                List.of("camel-platform-http-vertx", "camel-platform-http-main", "hazelcast"));

    private final String label;
    private final Class<?> receiver;
    private final List<String> leftOut;

    Host(String label, Class<?> receiver, List<String> leftOut) {
        this.label = label;
        this.receiver = receiver;
        this.leftOut = leftOut;
    }

    public String label() {
        return label;
    }

    Class<?> receiver() {
        return receiver;
    }

    /** The class path of the receiver: this JVM's, without the entries of the other host. */
    String classPath(String classPath) {
        String separator = System.getProperty("path.separator");
        return String.join(separator, Arrays.stream(classPath.split(separator)).filter(this::keeps).toList());
    }

    private boolean keeps(String entry) {
        Path path = Path.of(entry).toAbsolutePath();
        // a jar is named by its file; a reactor module's target/classes by its module's directory
        Path named = path.endsWith(Path.of("target", "classes")) ? path.getParent().getParent() : path;
        String name = String.valueOf(named.getFileName()).toLowerCase(Locale.ROOT);
        return leftOut.stream().noneMatch(name::contains);
    }

    /** The host of a label, e.g. {@code camel-main}. */
    public static Host of(String label) {
        return Arrays.stream(values()).filter(host -> host.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "hosts are " + Arrays.stream(values()).map(Host::label).toList() + ", not " + label));
    }
}
