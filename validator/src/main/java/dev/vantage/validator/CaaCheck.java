package dev.vantage.validator;

import dev.vantage.validator.dns.CaaProperty;
import dev.vantage.validator.dns.DnsAnswer;
import dev.vantage.validator.dns.DnsResolver;
import dev.vantage.validator.dns.DnsType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CAA (RFC 8659) with account and method binding (RFC 8657), as Let's Encrypt applies it: at each
 * perspective after its challenge check passed, and again at finalize for old authorizations.
 * Holds only configuration; thread-safe.
 *
 * <p>Details follow Boulder's: {@code While processing CAA for <identifier>: CAA record for
 * <name> prevents issuance}, to which Vantage adds why in parentheses, and for a failed lookup
 * {@code While processing CAA for <identifier>: DNS problem: …}.
 */
final class CaaCheck {
    /**
     * Tags this CA understands: issue, issuewild and iodef (RFC 8659 §4.2–4.4) and issuemail
     * (RFC 9495). A property with the critical flag and any other tag forbids issuance (§4.1).
     */
    private static final List<String> KNOWN_TAGS = List.of("issue", "issuewild", "iodef", "issuemail");

    private final List<String> identities;

    /** @param identities the issuer domain names that mean this CA in CAA records ({@code ca.caaIdentities}) */
    CaaCheck(List<String> identities) {
        this.identities = identities.stream().map(i -> i.toLowerCase(Locale.ROOT)).toList();
    }

    /** The relevant RRset (RFC 8659 §3): none, the one found, or the failed lookup that hid it. */
    sealed interface Relevant permits None, Found, Failed {
    }

    record None() implements Relevant {
    }

    record Found(String name, List<CaaProperty> properties) implements Relevant {
    }

    record Failed(String detail) implements Relevant {
    }

    /** Null when the CAA records permit issuance; else a {@code caa} or {@code dns} problem. */
    ValidationProblem check(DnsResolver resolver, ValidationRequest request) {
        if (request.identifier().type() != IdentifierType.DNS) {
            return null; // CAA governs domain names; IP identifiers (RFC 8738) have none to consult
        }
        String prefix = "While processing CAA for " + request.orderIdentifier().value() + ": ";
        Relevant relevant = climb(resolver, request.identifier().value());
        if (relevant instanceof Failed failed) {
            return new ValidationProblem(ProblemKind.DNS, prefix + failed.detail());
        }
        if (relevant instanceof Found found) {
            return refusal(found.properties(), request)
                    .map(why -> new ValidationProblem(ProblemKind.CAA, prefix + "CAA record for " + found.name()
                            + " prevents issuance (" + why + ")"))
                    .orElse(null);
        }
        return null;
    }

    /**
     * RFC 8659 §3: ask for CAA at the name, then at each parent up to and including the top-level
     * domain; the first non-empty RRset is the relevant one. The resolver follows a CNAME as normal
     * resolution does, and climbing continues from the original name's parent, not the alias
     * target's. A failed lookup before anything was found fails the check: it may hide records.
     * NXDOMAIN below the top level counts as empty, as at Let's Encrypt (a name removed after
     * validation has no records).
     */
    static Relevant climb(DnsResolver resolver, String name) {
        String at = name;
        while (true) {
            DnsAnswer answer = resolver.lookup(at, DnsType.CAA);
            boolean topLevel = at.indexOf('.') < 0;
            boolean missing = answer.failure() == DnsAnswer.Failure.NXDOMAIN && !topLevel;
            if (!answer.ok() && !missing) {
                return new Failed(answer.detail());
            }
            if (answer.ok() && !answer.values().isEmpty()) {
                return new Found(at, answer.caa());
            }
            if (topLevel) {
                return new None();
            }
            at = at.substring(at.indexOf('.') + 1);
        }
    }

    /** Why the relevant RRset forbids this issuance, or empty when it permits it. */
    Optional<String> refusal(List<CaaProperty> properties, ValidationRequest request) {
        Optional<CaaProperty> critical = properties.stream()
                .filter(p -> p.critical() && KNOWN_TAGS.stream().noneMatch(p::tagIs)).findFirst();
        if (critical.isPresent()) {
            return Optional.of("the critical property " + critical.get() + " is not understood");
        }
        List<CaaProperty> issue = properties.stream().filter(p -> p.tagIs("issue")).toList();
        List<CaaProperty> issuewild = properties.stream().filter(p -> p.tagIs("issuewild")).toList();
        // RFC 8659 §4.3: issuewild ignores issue for a wildcard when present, and is ignored otherwise.
        List<CaaProperty> relevant = request.wildcard() && !issuewild.isEmpty() ? issuewild : issue;
        if (relevant.isEmpty()) {
            return Optional.empty(); // RFC 8659 §4.2: no issue property, no issue restriction
        }
        String firstReason = null;
        String ownReason = null;
        for (CaaProperty property : relevant) {
            Verdict verdict = judge(property, request);
            if (verdict.reason() == null) {
                return Optional.empty(); // any one authorizing property is enough
            }
            firstReason = firstReason == null ? verdict.reason() : firstReason;
            ownReason = ownReason == null && verdict.namesThisCa() ? verdict.reason() : ownReason;
        }
        // A property naming this CA explains more (the account, the method) than one naming another CA.
        return Optional.of(ownReason != null ? ownReason : firstReason);
    }

    /** One property's verdict: null reason when it authorizes this issuance. */
    private record Verdict(boolean namesThisCa, String reason) {
    }

    private Verdict judge(CaaProperty property, ValidationRequest request) {
        String shown = property.tag().toLowerCase(Locale.ROOT) + " " + Details.quote(property.value());
        Optional<CaaIssuerValue> parsed = CaaIssuerValue.parse(property.value());
        if (parsed.isEmpty()) {
            return new Verdict(false, shown + " is malformed");
        }
        CaaIssuerValue value = parsed.get();
        if (value.issuer().isEmpty()) {
            return new Verdict(false, shown + " forbids every CA");
        }
        if (!identities.contains(value.issuer())) {
            return new Verdict(false, shown + " is for another CA, not "
                    + (identities.isEmpty() ? "this one (it has no CAA identities)" : String.join(" or ", identities)));
        }
        if (!value.allowsAccount(request.accountUri())) {
            return new Verdict(true, shown + " is for another account"
                    + (request.accountUri().isEmpty() ? "" : " than " + request.accountUri()));
        }
        if (!value.allowsMethod(request.type())) {
            return new Verdict(true, shown + " does not allow " + request.type().token());
        }
        return new Verdict(true, null);
    }
}
