package dev.vantage.validator;

import java.util.Locale;

/**
 * What a certificate names. For {@code dns}, the value is lower-case and may start with
 * {@code *.} (a wildcard, RFC 8555 §7.1.3); {@code *.example.test} and {@code example.test}
 * are different identifiers. For {@code ip}, the value is the address in canonical text form.
 */
public record Identifier(IdentifierType type, String value) {

    public Identifier {
        if (type == null || value == null) {
            throw new IllegalArgumentException("identifier needs a type and a value");
        }
        if (type == IdentifierType.DNS) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    public static Identifier dns(String name) {
        return new Identifier(IdentifierType.DNS, name);
    }

    public static Identifier ip(String address) {
        return new Identifier(IdentifierType.IP, address);
    }

    /** True for {@code *.example.test}. */
    public boolean isWildcard() {
        return type == IdentifierType.DNS && value.startsWith("*.");
    }

    /**
     * The name that is validated: the base name of a wildcard (RFC 8555 §7.1.4: the authorization's
     * identifier omits the {@code *.} and carries {@code "wildcard": true}).
     */
    public Identifier withoutWildcard() {
        return isWildcard() ? dns(value.substring(2)) : this;
    }

    @Override
    public String toString() {
        return type.token() + ":" + value;
    }
}
