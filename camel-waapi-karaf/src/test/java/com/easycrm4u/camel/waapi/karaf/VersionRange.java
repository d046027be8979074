package com.easycrm4u.camel.waapi.karaf;

import java.util.Arrays;

/** An OSGi version range ({@code [4.14,5)}) or a bare floor version ({@code 4.14}, meaning at least that). */
record VersionRange(int[] floor, boolean floorIncluded, int[] ceiling, boolean ceilingIncluded) {

    static VersionRange parse(String range) {
        String value = range.trim();
        if (!value.startsWith("[") && !value.startsWith("(")) {
            return new VersionRange(numbers(value), true, null, false);
        }
        String[] ends = value.substring(1, value.length() - 1).split(",");
        return new VersionRange(numbers(ends[0]), value.startsWith("["), numbers(ends[1]), value.endsWith("]"));
    }

    boolean includes(String version) {
        int[] v = numbers(version);
        int low = compare(v, floor);
        if (low < 0 || low == 0 && !floorIncluded) {
            return false;
        }
        if (ceiling == null) {
            return true;
        }
        int high = compare(v, ceiling);
        return high < 0 || high == 0 && ceilingIncluded;
    }

    private static int compare(int[] a, int[] b) {
        return Arrays.compare(Arrays.copyOf(a, 3), Arrays.copyOf(b, 3));
    }

    /** major.minor.micro of a version such as 4.14.5 or 2.19.4 (a qualifier like .Final or -SNAPSHOT is ignored). */
    private static int[] numbers(String version) {
        String[] parts = version.trim().split("[.-]");
        int[] numbers = new int[3];
        for (int i = 0; i < Math.min(3, parts.length) && parts[i].chars().allMatch(Character::isDigit); i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
