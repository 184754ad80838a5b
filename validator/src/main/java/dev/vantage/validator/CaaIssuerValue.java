package dev.vantage.validator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of an {@code issue} or {@code issuewild} CAA property, read by RFC 8659 §4.2's grammar:
 * {@code *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]]}, the parameters being
 * {@code tag *WSP "=" *WSP value} separated by {@code ;}.
 *
 * @param issuer     the issuer domain name, lower-case; empty when the value names none, which
 *                   authorizes no CA at all ({@code ";"}, RFC 8659 §4.2)
 * @param parameters tag to value, as written; tags are compared exactly, as Let's Encrypt does
 */
record CaaIssuerValue(String issuer, Map<String, String> parameters) {
    private static final String LABEL = "[A-Za-z0-9](?:-*[A-Za-z0-9])*";
    private static final Pattern ISSUER = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern TAG = Pattern.compile(LABEL);
    /** RFC 8659 §4.2: printable ASCII except space and ';'. */
    private static final Pattern VALUE = Pattern.compile("[\\x21-\\x3A\\x3C-\\x7E]*");
    /** RFC 8657 §4: a validation method is 1*(ALPHA / DIGIT / "-"). */
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9-]+");

    /** The parsed value, or empty when it breaks the grammar; such a property authorizes nobody. */
    static Optional<CaaIssuerValue> parse(String value) {
        int semicolon = value.indexOf(';');
        String issuer = trim(semicolon < 0 ? value : value.substring(0, semicolon));
        if (!issuer.isEmpty() && !ISSUER.matcher(issuer).matches()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String rest = semicolon < 0 ? "" : trim(value.substring(semicolon + 1));
        if (!rest.isEmpty()) {
            for (String parameter : rest.split(";", -1)) {
                int eq = parameter.indexOf('=');
                String tag = eq < 0 ? "" : trim(parameter.substring(0, eq));
                String text = eq < 0 ? "" : trim(parameter.substring(eq + 1));
                if (!TAG.matcher(tag).matches() || !VALUE.matcher(text).matches()) {
                    return Optional.empty();
                }
                parameters.put(tag, text);
            }
        }
        return Optional.of(new CaaIssuerValue(issuer.toLowerCase(Locale.ROOT),
                Collections.unmodifiableMap(parameters)));
    }

    /** RFC 8657 §3: without {@code accounturi} any account may use it; with it, only that one. */
    boolean allowsAccount(String accountUri) {
        String wanted = parameters.get("accounturi");
        return wanted == null || !accountUri.isEmpty() && wanted.equals(accountUri);
    }

    /**
     * RFC 8657 §4: without {@code validationmethods} any method; with it, only those listed. A
     * list with an element that is no method name at all authorizes nothing, as at Let's Encrypt.
     */
    boolean allowsMethod(ChallengeType type) {
        String methods = parameters.get("validationmethods");
        if (methods == null) {
            return true;
        }
        boolean allowed = false;
        for (String method : methods.split(",", -1)) {
            if (!METHOD.matcher(method).matches()) {
                return false;
            }
            allowed |= method.equals(type.token());
        }
        return allowed;
    }

    /** RFC 8659 §4.2 WSP: spaces and tabs only. */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }
}
