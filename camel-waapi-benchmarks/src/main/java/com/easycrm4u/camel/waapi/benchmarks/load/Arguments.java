package com.easycrm4u.camel.waapi.benchmarks.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code key=value} arguments of the benchmark commands. */
public final class Arguments {

    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    public static Arguments parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value, not '" + arg + "'");
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new Arguments(values);
    }

    public String value(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    public int intValue(String key, int otherwise) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : otherwise;
    }

    public long longValue(String key, long otherwise) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : otherwise;
    }

    public boolean flag(String key, boolean otherwise) {
        return values.containsKey(key) ? Boolean.parseBoolean(values.get(key)) : otherwise;
    }

    /** A comma-separated list of numbers, e.g. {@code concurrency=1,8,64,256}. */
    public int[] ints(String key, int... otherwise) {
        if (!values.containsKey(key)) {
            return otherwise;
        }
        return Arrays.stream(values.get(key).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    public List<String> list(String key, String... otherwise) {
        if (!values.containsKey(key)) {
            return List.of(otherwise);
        }
        return Arrays.stream(values.get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
