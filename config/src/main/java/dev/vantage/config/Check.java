package dev.vantage.config;

import java.time.Duration;

/** Invariant checks used by the records' compact constructors; each names the field it checks. */
final class Check {
    private Check() {
    }

    static int port(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, port, "a port is 0..65535 (0 picks a free port)");
        }
        return port;
    }

    static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    static Duration nonNegative(String key, Duration d) {
        if (d == null) {
            throw new ConfigException(key, null, "a duration is required");
        }
        if (d.isNegative()) {
            throw new ConfigException(key, Durations.format(d), "must not be negative");
        }
        return d;
    }

    static Duration positive(String key, Duration d) {
        nonNegative(key, d);
        if (d.isZero()) {
            throw new ConfigException(key, "0", "must be longer than zero");
        }
        return d;
    }

    static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, value, "must not be empty");
        }
        return value;
    }

    /** A name that management routes carry in their path: letters, digits, '-', '_' and '.'. */
    static String urlSafeName(String key, String value) {
        String name = notBlank(key, value).trim();
        if (!name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
            throw new ConfigException(key, value, "use letters, digits, '-', '_' and '.' (the name appears in URLs)");
        }
        return name;
    }

    /**
     * An IP address literal, returned in {@link IpAddresses#text} form. Never a host name:
     * resolving at startup would make config depend on DNS, so {@link IpAddresses#parse} reads it.
     */
    static String ipLiteral(String key, String value) {
        notBlank(key, value);
        try {
            return IpAddresses.text(IpAddresses.parse(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage());
        }
    }

    static String ipLiteralOrEmpty(String key, String value) {
        return value == null || value.isEmpty() ? "" : ipLiteral(key, value);
    }
}
