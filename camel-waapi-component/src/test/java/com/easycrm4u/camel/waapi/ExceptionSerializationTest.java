package com.easycrm4u.camel.waapi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.internal.WaapiFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exception of the component may travel: a JMS or Hazelcast dead letter, a remote JMX client, a clustered error
 * store. Each declares its serialVersionUID, so a rebuild does not make the one already stored unreadable, and keeps
 * its fields through serialization.
 */
class ExceptionSerializationTest {

    @Test
    void everyExceptionOfTheComponentDeclaresItsSerialVersionUid() throws Exception {
        List<Class<?>> exceptions = exceptionClasses();
        assertThat(exceptions).as("exception classes of the component").contains(WaapiException.class,
                WaapiRateLimitException.class, WaapiValidationException.class);
        for (Class<?> type : exceptions) {
            Field uid = declaredField(type, "serialVersionUID");
            assertThat(uid).as("%s declares serialVersionUID", type.getName()).isNotNull();
            assertThat(uid.getType()).isEqualTo(long.class);
            assertThat(Modifier.isStatic(uid.getModifiers()) && Modifier.isFinal(uid.getModifiers()))
                    .as("%s.serialVersionUID is static final", type.getName()).isTrue();
        }
    }

    @Test
    void exceptionsKeepTheirFieldsThroughSerialization() throws Exception {
        WaapiException rateLimited
                = roundTrip(WaapiFailures.answered("cloud/text", 429, "Too many requests", "{\"success\":false}",
                        false, Duration.ofSeconds(7), true));
        assertThat(rateLimited).isInstanceOf(WaapiRateLimitException.class).hasMessageContaining("HTTP 429");
        assertThat(rateLimited.getStatusCode()).isEqualTo(429);
        assertThat(rateLimited.getApiMessage()).isEqualTo("Too many requests");
        assertThat(rateLimited.getResponseBody()).isEqualTo("{\"success\":false}");
        assertThat(rateLimited.getRetryAfter()).contains(Duration.ofSeconds(7));
        assertThat(rateLimited.isRetryable()).isTrue();

        WaapiValidationException invalid = roundTrip(new WaapiValidationException("to", "waapi:cloud/text needs 'to'"));
        assertThat(invalid.getField()).isEqualTo("to");
        assertThat(invalid.isRetryable()).isFalse();
    }

    private static List<Class<?>> exceptionClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(WaapiException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(ExceptionSerializationTest::load)
                    .filter(Throwable.class::isAssignableFrom)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ExceptionSerializationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T roundTrip(T exception) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(exception);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
