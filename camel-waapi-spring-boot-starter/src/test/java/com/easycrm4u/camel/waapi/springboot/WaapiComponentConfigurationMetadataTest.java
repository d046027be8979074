package com.easycrm4u.camel.waapi.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiComponentConfigurer;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the starter in step with the component: an option added to the component (its generated waapi.json) and missing
 * from {@link WaapiComponentConfiguration} fails here, and so does a property the component does not have.
 */
class WaapiComponentConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.waapi.";
    private static final Path SPRING_BOOT_PAGE = Path.of("..", "docs", "spring-boot.md");
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Map<String, JsonNode> componentOptions;
    private static Map<String, JsonNode> springProperties;

    @BeforeAll
    static void load() throws IOException {
        componentOptions = new HashMap<>();
        JsonNode catalog = read(WaapiConfiguration.class.getClassLoader()
                .getResource("META-INF/com/easycrm4u/camel/waapi/waapi.json"));
        catalog.path("componentProperties").fields().forEachRemaining(e -> componentOptions.put(e.getKey(), e.getValue()));

        springProperties = new HashMap<>();
        for (URL url : Collections.list(WaapiComponentConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            for (JsonNode property : read(url).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith(PREFIX)) {
                    springProperties.put(name.substring(PREFIX.length()), property);
                }
            }
        }
        assertThat(componentOptions).as("component options in waapi.json").isNotEmpty();
        assertThat(springProperties).as("camel.component.waapi.* in spring-configuration-metadata.json").isNotEmpty();
    }

    @Test
    void everyComponentOptionIsAPropertyWithDescriptionAndDefault() {
        for (Map.Entry<String, JsonNode> entry : componentOptions.entrySet()) {
            String property = kebab(entry.getKey());
            JsonNode option = entry.getValue();
            assertThat(springProperties).as("camel.component.waapi.%s for the component option %s", property, entry.getKey())
                    .containsKey(property);
            JsonNode metadata = springProperties.get(property);
            assertThat(metadata.path("description").asText()).as("description of %s", property)
                    .startsWith(option.path("description").asText());
            assertThat(defaultOf(metadata, option)).as("default of %s", property).isEqualTo(defaultOf(option));
        }
    }

    /**
     * The defaults of the starter's fields are the component's own, read from a component nobody configured: its
     * constants for the WAAPI options, Camel's for the options every component has.
     */
    @Test
    void everyFieldDefaultIsTheComponentsDefault() throws Exception {
        WaapiComponent component = new WaapiComponent();
        WaapiComponentConfigurer configurer = new WaapiComponentConfigurer();
        WaapiComponentConfiguration starter = new WaapiComponentConfiguration();
        for (String option : componentOptions.keySet()) {
            if (option.equals("configuration")) {
                // the component's own object; the starter's is a bean reference, null until one is bound
                continue;
            }
            Object value = getter(option).invoke(starter);
            Object expected = configurer.getOptionValue(component, option, false);
            assertThat(value instanceof Duration duration ? Long.valueOf(duration.toMillis()) : value)
                    .as("the default of camel.component.waapi.%s", kebab(option)).isEqualTo(expected);
        }
    }

    @Test
    void everyPropertyIsAComponentOption() {
        Set<String> options = new TreeSet<>();
        componentOptions.keySet().forEach(name -> options.add(kebab(name)));
        options.addAll(STARTER_ONLY);
        assertThat(springProperties.keySet()).allSatisfy(property -> assertThat(options).contains(property));
        STARTER_ONLY.forEach(property -> assertThat(springProperties.get(property).path("description").asText())
                .as("description of %s", property).isNotBlank());
    }

    @Test
    void everySetterMarksItsOptionAsSet() throws Exception {
        WaapiComponentConfiguration configuration = new WaapiComponentConfiguration();
        assertThat(configuration.configuredOptions()).isEmpty();
        for (String option : componentOptions.keySet()) {
            Method setter = setter(option);
            Object value = sampleOf(setter.getParameterTypes()[0]);
            setter.invoke(configuration, value);
            assertThat(configuration.configuredOptions()).as("options set after set%s", option).containsEntry(option, value);
        }
        assertThat(configuration.configuredOptions().keySet()).first().as("configuration is applied first")
                .isEqualTo("configuration");
    }

    @Test
    void theSpringBootPageListsEveryPropertyWithItsDefault() throws IOException {
        List<String> rows = Files.readAllLines(SPRING_BOOT_PAGE);
        springProperties.forEach((property, metadata) -> {
            String row = rows.stream().filter(line -> line.startsWith("| `" + property + "` |")).findFirst()
                    .orElseThrow(
                            () -> new AssertionError(SPRING_BOOT_PAGE + " has no row for camel.component.waapi." + property));
            String defaultValue = defaultOf(metadata);
            if (defaultValue != null) {
                assertThat(row).as("the row of %s in %s", property, SPRING_BOOT_PAGE).contains("`" + defaultValue + "`");
            }
        });
    }

    private static Method getter(String option) throws NoSuchMethodException {
        return WaapiComponentConfiguration.class
                .getMethod("get" + Character.toUpperCase(option.charAt(0)) + option.substring(1));
    }

    private static Method setter(String option) {
        String name = "set" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
        for (Method method : WaapiComponentConfiguration.class.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new AssertionError("WaapiComponentConfiguration has no " + name + " for the component option " + option);
    }

    private static Object sampleOf(Class<?> type) {
        Map<Class<?>, Object> samples = Map.ofEntries(Map.entry(String.class, "x"), Map.entry(Boolean.class, Boolean.TRUE),
                Map.entry(Integer.class, 7), Map.entry(Long.class, 7L), Map.entry(Duration.class, Duration.ofSeconds(7)),
                Map.entry(WaapiConfiguration.class, new WaapiConfiguration()),
                Map.entry(HttpClient.class, HttpClient.newHttpClient()),
                Map.entry(SSLContextParameters.class, new SSLContextParameters()),
                Map.entry(IdempotentRepository.class, MemoryIdempotentRepository.memoryIdempotentRepository(1)),
                Map.entry(ExecutorService.class, ForkJoinPool.commonPool()),
                // a stand-in: the setter only keeps it
                Map.entry(Vertx.class, Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] { Vertx.class },
                        (proxy, method, args) -> null)));
        assertThat(samples).as("a sample value for options of type %s", type.getName()).containsKey(type);
        return samples.get(type);
    }

    /** The catalog's default as text; durations in milliseconds. */
    private static String defaultOf(JsonNode option) {
        JsonNode value = option.path("defaultValue");
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String defaultOf(JsonNode metadata, JsonNode option) {
        String value = defaultOf(metadata);
        if (value != null && "duration".equals(option.path("type").asText())) {
            return String.valueOf(org.springframework.boot.convert.DurationStyle.detectAndParse(value).toMillis());
        }
        return value;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static JsonNode read(URL url) throws IOException {
        assertThat(url).isNotNull();
        try (InputStream in = url.openStream()) {
            return MAPPER.readTree(in);
        }
    }
}
