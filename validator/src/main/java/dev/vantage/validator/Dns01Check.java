package dev.vantage.validator;

import dev.vantage.validator.dns.DnsAnswer;
import dev.vantage.validator.dns.DnsType;
import java.util.List;

/**
 * dns-01 (RFC 8555 §8.4): a TXT record at {@code _acme-challenge.<name>} must hold
 * base64url(SHA-256(key authorization)). The resolver follows CNAMEs, which is how subscribers
 * delegate the label to another zone. Any one matching value among several is enough.
 */
final class Dns01Check implements ChallengeCheck {
    /** Let's Encrypt shortens a wrong value in the detail to this many characters. */
    static final int SHOWN_VALUE = 100;

    @Override
    public CheckOutcome check(Perspective perspective, ValidationRequest request) {
        Identifier identifier = request.identifier();
        if (identifier.type() != IdentifierType.DNS) {
            // RFC 8738 §7: dns-01 must not be used for IP identifiers.
            return CheckOutcome.failed(ProblemKind.REJECTED_IDENTIFIER,
                    "dns-01 cannot validate IP address identifier " + identifier.value());
        }
        String name = "_acme-challenge." + identifier.value();
        DnsAnswer answer = perspective.resolver().lookup(name, DnsType.TXT);
        if (!answer.ok()) {
            return CheckOutcome.failed(ProblemKind.DNS, answer.detail());
        }
        String expected = Details.base64url(Details.sha256(request.keyAuthorization()));
        List<String> values = answer.values();
        if (values.contains(expected)) {
            return CheckOutcome.passed();
        }
        if (values.isEmpty()) {
            return CheckOutcome.failed(ProblemKind.UNAUTHORIZED, "No TXT record found at " + name);
        }
        String shown = values.get(0).length() > SHOWN_VALUE
                ? values.get(0).substring(0, SHOWN_VALUE) + "..." : values.get(0);
        String more = values.size() > 1 ? " (and " + (values.size() - 1) + " more)" : "";
        return CheckOutcome.failed(ProblemKind.UNAUTHORIZED,
                "Incorrect TXT record " + Details.quote(shown) + more + " found at " + name);
    }
}
