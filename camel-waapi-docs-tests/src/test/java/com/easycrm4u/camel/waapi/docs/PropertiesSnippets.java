package com.easycrm4u.camel.waapi.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiComponentConfigurer;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Checks a properties block the way the platform it is written for reads it.
 * <ul>
 * <li>{@code camel-main} (the default): Camel Main starts with the block as its application.properties (with the
 * {@code WAAPI_*} variables set, as a reader has them), so an unknown option, an unconvertible value or an unresolvable
 * placeholder fails; every {@code camel.component.waapi.*} property must then be set on the component. A Spring-style
 * {@code ${NAME}} is refused: Camel Main does not resolve it.</li>
 * <li>{@code quarkus}: the same, after resolving {@code ${NAME}} and {@code ${NAME:default}} from the environment as
 * Quarkus does before Camel binds the values, and reading {@code %profile.} keys as plain keys.</li>
 * <li>{@code spring-boot}: every {@code camel.component.waapi.*} key is one of the starter's (its configuration
 * metadata), and each literal value has the property's type (Spring's durations for durations).</li>
 * <li>{@code karaf}: every {@code camel.component.waapi.*} key is an option of the component.</li>
 * </ul>
 * On every platform a bean reference ({@code #name}) must be defined by a Java block of the same page: a pasted
 * property that names a bean nobody declared fails the start.
 *
 * <p>
 * The platform is the marker's {@code platform ...} clause, else the innermost heading that names Spring Boot, Quarkus,
 * Karaf or Camel Main, else the page (spring-boot.md, quarkus.md, karaf.md), else Camel Main.
 */
final class PropertiesSnippets {

    private static final String PREFIX = "camel.component.waapi.";
    private static final Pattern BEAN_REF = Pattern.compile("^#(?:bean:)?([\\w.-]+)$");
    private static final Pattern ENV = Pattern.compile("\\$\\{([\\w.]+)(?::([^}]*))?}");
    private static final Pattern SPRING_DURATION = Pattern.compile("^\\d+(ns|us|ms|s|m|h|d)?$");
    private static final WaapiComponentConfigurer CONFIGURER = new WaapiComponentConfigurer();

    private PropertiesSnippets() {
    }

    static String platform(Snippet snippet) {
        if (snippet.hasClause("platform")) {
            return snippet.clause("platform").get();
        }
        for (int i = snippet.headings().size() - 1; i >= 0; i--) {
            String platform = platformNamedBy(snippet.headings().get(i));
            if (platform != null) {
                return platform;
            }
        }
        String page = platformNamedBy(snippet.page().getFileName().toString().replace('-', ' '));
        return page != null ? page : "camel-main";
    }

    private static String platformNamedBy(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("spring boot")) {
            return "spring-boot";
        } else if (lower.contains("quarkus")) {
            return "quarkus";
        } else if (lower.contains("karaf")) {
            return "karaf";
        } else if (lower.contains("camel main")) {
            return "camel-main";
        }
        return null;
    }

    static void check(Snippet snippet, List<Snippet> page) throws Exception {
        Properties raw = new Properties();
        raw.load(new StringReader(snippet.text()));
        Map<String, String> properties = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().sorted().forEach(k -> properties.put(k, raw.getProperty(k)));
        List<String> beans = new ArrayList<>();
        properties.forEach((key, value) -> {
            Matcher ref = BEAN_REF.matcher(value.trim());
            if (key.startsWith(PREFIX) && ref.matches()) {
                String bean = ref.group(1);
                boolean declared = page.stream().filter(s -> s.language().equals("java"))
                        .anyMatch(s -> s.text().contains("\"" + bean + "\"")
                                || s.text().matches("(?s).*\\b" + bean + "\\s*\\(.*"));
                if (!declared) {
                    throw new AssertionError(
                            snippet.where() + ": " + key + " = " + value + " names a bean that no Java"
                                             + " block of " + snippet.page() + " declares; pasted, it fails the start."
                                             + " Show the bean (e.g. a @Bean method named " + bean + ") or drop the line");
                }
                beans.add(key);
            }
        });
        switch (platform(snippet)) {
            case "camel-main" -> {
                properties.forEach((key, value) -> {
                    if (value.contains("${")) {
                        throw new AssertionError(
                                snippet.where() + ": " + key + " = " + value
                                                 + ": Camel Main does not resolve ${...}; use {{env:NAME}}");
                    }
                });
                startCamelMain(snippet, properties);
            }
            case "quarkus" -> startCamelMain(snippet, quarkusResolved(properties));
            case "spring-boot" -> checkSpringBoot(snippet, properties, beans);
            case "karaf" -> properties.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(key -> {
                if (CONFIGURER.getOptionType(camelCase(key.substring(PREFIX.length())), true) == null) {
                    throw new AssertionError(snippet.where() + ": " + key + " is not an option of the waapi component");
                }
            });
            default -> throw new AssertionError(
                    snippet.where() + ": unknown platform " + platform(snippet)
                                                + " (camel-main, quarkus, spring-boot, karaf)");
        }
    }

    private static Map<String, String> quarkusResolved(Map<String, String> properties) {
        Map<String, String> resolved = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher env = ENV.matcher(value);
            StringBuilder out = new StringBuilder();
            while (env.find()) {
                String name = env.group(1);
                String found = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
                String replacement = found != null ? found : env.group(2);
                if (replacement == null) {
                    replacement = properties.getOrDefault(name, "");
                }
                env.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            env.appendTail(out);
            resolved.put(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key, out.toString());
        });
        return resolved;
    }

    private static void startCamelMain(Snippet snippet, Map<String, String> properties) throws Exception {
        Main main = new Main();
        Properties initial = new Properties();
        initial.putAll(properties);
        main.setInitialProperties(initial);
        main.setDefaultPropertyPlaceholderLocation("false");
        if (properties.containsKey("camel.server.port")) {
            // a test never takes a fixed port
            main.addOverrideProperty("camel.server.port", "0");
        }
        properties.forEach((key, value) -> {
            Matcher ref = BEAN_REF.matcher(value.trim());
            if (key.startsWith(PREFIX) && ref.matches()) {
                main.bind(ref.group(1), standIn(CONFIGURER.getOptionType(camelCase(key.substring(PREFIX.length())), true)));
            }
        });
        try {
            main.start();
            WaapiComponent waapi = main.getCamelContext().getComponent("waapi", WaapiComponent.class);
            properties.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(key -> {
                Object value = CONFIGURER.getOptionValue(waapi, camelCase(key.substring(PREFIX.length())), true);
                if (value == null) {
                    throw new AssertionError(snippet.where() + ": " + key + " was not applied to the waapi component");
                }
            });
        } catch (Exception e) {
            throw new AssertionError(snippet.where() + ": Camel Main does not start with this block: " + e, e);
        } finally {
            main.stop();
        }
    }

    /** A bean of an object option's type, for a reference whose declaration a Java block of the page shows. */
    private static Object standIn(Class<?> type) {
        if (type == IdempotentRepository.class) {
            return MemoryIdempotentRepository.memoryIdempotentRepository();
        } else if (type == SSLContextParameters.class) {
            return new SSLContextParameters();
        } else if (type == HttpClient.class) {
            return HttpClient.newHttpClient();
        } else if (type == WaapiConfiguration.class) {
            return new WaapiConfiguration();
        }
        throw new AssertionError("no stand-in bean for an option of type " + type);
    }

    private static void checkSpringBoot(Snippet snippet, Map<String, String> properties, List<String> beans) {
        Map<String, String> types = springBootPropertyTypes();
        properties.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String type = types.get(key);
            if (type == null) {
                throw new AssertionError(snippet.where() + ": " + key + " is not a property of the Spring Boot starter");
            }
            // the starter binds the component's options through Camel, which resolves Camel's {{env:NAME}} (the form
            // Camel 4.22's secret check accepts) as Spring resolves ${NAME}
            if (value.contains("${") || value.contains("{{") || beans.contains(key)) {
                return;
            }
            boolean fits = switch (type) {
                case "java.lang.Boolean" -> value.equals("true") || value.equals("false");
                case "java.lang.Integer", "java.lang.Long" -> value.matches("-?\\d+");
                case "java.time.Duration" -> SPRING_DURATION.matcher(value).matches();
                case "java.lang.String" -> true;
                default -> false;
            };
            if (!fits) {
                throw new AssertionError(snippet.where() + ": " + key + " = " + value + " is not a " + type);
            }
        });
    }

    private static Map<String, String> springBootPropertyTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        try (InputStream in = PropertiesSnippets.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            if (in == null) {
                throw new AssertionError("the Spring Boot starter's configuration metadata is not on the test classpath");
            }
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                types.put(property.path("name").asText(), property.path("type").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static String camelCase(String kebab) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
