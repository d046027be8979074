package com.easycrm4u.camel.waapi.compatibility;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user's project resolves with camel-waapi, against what its platform resolves without it. */
final class PlatformVersions {

    private PlatformVersions() {
    }

    /**
     * Every artifact that the user's BOMs and Camel resolve without camel-waapi keeps that version with it: none of our
     * versions is chosen over the platform's.
     */
    static void assertPlatformWins(Map<String, String> withWaapi, Map<String, String> platform) {
        Map<String, String> beaten = new TreeMap<>();
        platform.forEach((artifact, version) -> {
            String ours = withWaapi.get(artifact);
            if (ours != null && !ours.equals(version)) {
                beaten.put(artifact, "the platform resolves " + version + ", with camel-waapi " + ours);
            }
        });
        assertThat(beaten).as("versions chosen over the platform's").isEmpty();
    }

    /** Every artifact of these groups (prefixes) resolves at this one version. */
    static void assertAllAt(Map<String, String> resolved, String version, String... groups) {
        Map<String, String> others = new TreeMap<>();
        resolved.forEach((artifact, v) -> {
            for (String group : groups) {
                if (artifact.startsWith(group + ":") && !v.equals(version)) {
                    others.put(artifact, v);
                }
            }
        });
        assertThat(others).as("artifacts of %s not at %s", String.join(", ", groups), version).isEmpty();
    }

    /** Every artifact of this group resolves at one version. */
    static void assertOneVersion(Map<String, String> resolved, String group) {
        TreeSet<String> versions = new TreeSet<>();
        resolved.forEach((artifact, v) -> {
            if (artifact.startsWith(group + ":")) {
                versions.add(v);
            }
        });
        assertThat(versions).as("versions of %s in %s", group, resolved).hasSizeLessThanOrEqualTo(1);
    }

    /** Compares dotted versions numerically (2.22.1 > 2.9.0); a qualifier after the numbers is ignored. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length && x[i].matches("\\d+") ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length && y[i].matches("\\d+") ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
