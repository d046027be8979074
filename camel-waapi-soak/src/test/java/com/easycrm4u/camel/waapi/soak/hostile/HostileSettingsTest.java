package com.easycrm4u.camel.waapi.soak.hostile;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's arguments, and the class path each host's receiver gets. */
class HostileSettingsTest {

    @Test
    void argumentsOverTheFullRun() {
        HostileSettings settings = HostileSettings.parse("hosts=spring-boot", "events=500", "attack=20", "spellingMiB=16");

        assertThat(settings.hosts()).containsExactly(Host.SPRING_BOOT);
        assertThat(settings.events()).isEqualTo(500);
        assertThat(settings.attack()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.spellingBytes()).isEqualTo(16L << 20);
        assertThat(settings.idle()).isEqualTo(HostileSettings.full().idle());
        assertThat(settings.heap()).isEqualTo("256m");
    }

    @Test
    void anUnknownArgumentOrHostIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> HostileSettings.parse("event=500")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events").hasMessageContaining("event=500");
        assertThatThrownBy(() -> HostileSettings.parse("hosts=quarkus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("camel-main").hasMessageContaining("quarkus");
        assertThatThrownBy(() -> HostileSettings.parse("idle=many")).hasMessageContaining("idle is a whole number");
    }

    @Test
    void eachReceiverLeavesTheOtherHostsServerOut() {
        String soak = path("project", "camel-waapi-soak", "target", "classes");
        String starter = path("project", "camel-waapi-spring-boot-starter", "target", "classes");
        String vertx = path("repository", "camel-platform-http-vertx-4.18.0.jar");
        String httpCommon = path("repository", "camel-http-common-4.18.0.jar");
        String tomcat = path("repository", "tomcat-embed-core-10.1.50.jar");
        String webmvc = path("repository", "spring-webmvc-6.2.15.jar");
        String hazelcast = path("repository", "hazelcast-5.4.0.jar");
        String classPath = String.join(File.pathSeparator, soak, starter, vertx, httpCommon, tomcat, webmvc, hazelcast);

        assertThat(Host.CAMEL_MAIN.classPath(classPath).split(File.pathSeparator)).containsExactly(soak, vertx);
        assertThat(Host.SPRING_BOOT.classPath(classPath).split(File.pathSeparator))
                .containsExactly(soak, starter, httpCommon, tomcat, webmvc);
    }

    private static String path(String... names) {
        return File.separator + String.join(File.separator, List.of(names));
    }
}
