package dev.vantage.server.service;

import dev.vantage.config.IpAddresses;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.validator.Identifier;
import dev.vantage.validator.IdentifierType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which identifiers a newOrder may name (RFC 8555 §7.4, RFC 8738), checked all at once so the
 * client learns about every bad identifier in one answer: one subproblem each (§6.7.1). DNS names
 * equal to or under a name of {@code acme.domainBlocklist} are refused as Pebble's
 * {@code domainBlocklist} does.
 */
final class IdentifierPolicy {
    /** Let's Encrypt's limit of names per certificate. */
    static final int MAX_IDENTIFIERS = 100;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IdentifierPolicy() {
    }

    /**
     * The order's identifiers, de-duplicated, or a problem naming each bad one.
     *
     * @param blocklist blocked DNS names, lower case without a trailing dot ({@code AcmeConfig} stores them so)
     */
    static List<Identifier> check(List<OrderService.RequestedIdentifier> requested, String profileName,
                                  Set<String> profileTypes, List<String> blocklist) {
        if (requested == null || requested.isEmpty()) {
            throw AcmeProblemException.malformed("the order must name at least one identifier");
        }
        if (requested.size() > MAX_IDENTIFIERS) {
            throw new AcmeProblemException(ProblemType.REJECTED_IDENTIFIER,
                    "an order may name at most " + MAX_IDENTIFIERS + " identifiers; this one names " + requested.size());
        }
        Set<Identifier> accepted = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (OrderService.RequestedIdentifier r : requested) {
            Problem p = problem(r, profileName, profileTypes, blocklist);
            if (p == null) {
                accepted.add(new Identifier(IdentifierType.fromToken(r.type()), canonical(r)));
            } else {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new AcmeProblemException(summary(problems));
        }
        return List.copyOf(accepted);
    }

    private static Problem summary(List<Problem> problems) {
        if (problems.size() == 1) {
            Problem only = problems.get(0);
            return Problem.of(only.type(), only.detail()).withSubproblems(problems);
        }
        ProblemType first = problems.get(0).type();
        boolean same = problems.stream().allMatch(p -> p.type() == first);
        return Problem.of(same ? first : ProblemType.COMPOUND,
                "cannot issue for " + problems.size() + " identifiers; see subproblems").withSubproblems(problems);
    }

    private static Problem problem(OrderService.RequestedIdentifier r, String profileName, Set<String> profileTypes,
                                   List<String> blocklist) {
        String type = r.type() == null ? "" : r.type();
        String value = r.value() == null ? "" : r.value();
        IdentifierType t = IdentifierType.fromToken(type);
        if (t == null) {
            return Problem.about(type, value, ProblemType.UNSUPPORTED_IDENTIFIER,
                    "identifier type \"" + type + "\" is not supported; use dns or ip");
        }
        if (!profileTypes.contains(type)) {
            return Problem.about(type, value, ProblemType.REJECTED_IDENTIFIER,
                    "profile \"" + profileName + "\" does not issue for " + type + " identifiers");
        }
        String why = t == IdentifierType.DNS ? dnsProblem(value) : ipProblem(value);
        if (why == null && t == IdentifierType.DNS) {
            why = blocked(value, blocklist);
        }
        return why == null ? null : Problem.about(type, value, ProblemType.REJECTED_IDENTIFIER, why);
    }

    /** Why a valid DNS name is refused by the blocklist, or null; a wildcard is judged by its base name. */
    static String blocked(String value, List<String> blocklist) {
        String name = value.toLowerCase(Locale.ROOT);
        String base = name.startsWith("*.") ? name.substring(2) : name;
        for (String entry : blocklist) {
            if (base.equals(entry) || base.endsWith("." + entry)) {
                return "DNS name \"" + value + "\" is blocked by this server's policy: "
                        + (base.equals(entry) ? "it is" : "it is under") + " \"" + entry + "\" in acme.domainBlocklist";
            }
        }
        return null;
    }

    /** Why a DNS name cannot be issued for, or null. Names are case-insensitive (RFC 4343). */
    static String dnsProblem(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return "DNS name is empty";
        }
        if (name.endsWith(".")) {
            return "DNS name \"" + value + "\" ends in a dot";
        }
        if (name.length() > 253) {
            return "DNS name is longer than 253 characters";
        }
        String base = name.startsWith("*.") ? name.substring(2) : name;
        if (base.contains("*")) {
            return "DNS name \"" + value + "\": a wildcard may only be the whole leftmost label (*.)";
        }
        if (!base.contains(".")) {
            return "DNS name \"" + value + "\" needs at least one dot";
        }
        for (String label : base.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "DNS name \"" + value + "\" has an invalid label \"" + label
                        + "\" (letters, digits and inner hyphens, 1 to 63 characters)";
            }
        }
        if (base.substring(base.lastIndexOf('.') + 1).matches("[0-9]+")) {
            return IPV4.matcher(base).matches()
                    ? "DNS name \"" + value + "\" is an IP address; use an ip identifier (RFC 8738)"
                    : "DNS name \"" + value + "\" ends in a number, which no top-level domain is";
        }
        return null;
    }

    /**
     * Why an IP identifier cannot be issued for, or null. IPv4 must be plain dotted decimal
     * (leading zeros read as octal by some tools, so they are refused); IPv6 may come in any
     * RFC 4291 form, because common clients (Java's {@code getHostAddress()}) send it uncompressed.
     */
    static String ipProblem(String value) {
        try {
            IpAddresses.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The identifier as the order keeps it: DNS names in lower case, IP addresses in canonical
     * text (RFC 8738 §3, RFC 5952), so {@code 2001:DB8:0:0::9} and {@code 2001:db8::9} are one identifier.
     */
    private static String canonical(OrderService.RequestedIdentifier r) {
        return r.type().equals("ip") ? IpAddresses.text(IpAddresses.parse(r.value())) : r.value().toLowerCase(Locale.ROOT);
    }
}
