package dev.vantage.config;

/**
 * A setting that cannot be used. The message always names the key and the offending value,
 * because that is what a person fixing a config file or a command line needs first.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;
    private final String reason;

    public ConfigException(String key, Object value, String reason) {
        this(key, value instanceof String s ? "\"" + s + "\"" : String.valueOf(value), reason, true);
    }

    private ConfigException(String key, String renderedValue, String reason, boolean rendered) {
        super("invalid configuration: " + key + " = " + renderedValue + ": " + reason);
        this.key = key;
        this.value = renderedValue;
        this.reason = reason;
    }

    /** The dotted path of the setting, for example {@code acme.port}. */
    public String key() {
        return key;
    }

    /** The same problem and value under another key (a setting translated from another file format). */
    ConfigException withKey(String newKey) {
        return new ConfigException(newKey, value, reason, true);
    }

    /** The same problem under a longer path: records check their own fields, the loader knows where they sit. */
    public ConfigException under(String prefix) {
        return prefix.isEmpty() ? this : new ConfigException(prefix + "." + key, value, reason, true);
    }
}
