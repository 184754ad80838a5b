package dev.vantage.server.ca;

import dev.vantage.validator.Identifier;
import dev.vantage.validator.IdentifierType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The subject and subject alternative names of a leaf certificate, from an order's identifiers. */
final class LeafNames {
    /** ub-common-name in RFC 5280 Appendix A; a longer name can only be carried in the SAN. */
    static final int MAX_COMMON_NAME = 64;

    private LeafNames() {
    }

    /** One dNSName or iPAddress entry per identifier (RFC 8555 §7.1.4, RFC 8738 §3). */
    static GeneralNames altNames(List<Identifier> identifiers) {
        GeneralName[] names = identifiers.stream().map(LeafNames::altName).toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private static GeneralName altName(Identifier identifier) {
        return switch (identifier.type()) {
            case DNS -> new GeneralName(GeneralName.dNSName, identifier.value());
            case IP -> new GeneralName(GeneralName.iPAddress,
                    new DEROctetString(IpLiteral.require(identifier.value()).getAddress()));
        };
    }

    /**
     * The common name, as Let's Encrypt picks it: the CSR's own common name when it is one of the
     * DNS identifiers, otherwise the first DNS identifier short enough to fit. IP addresses stay
     * out of the common name, as in Let's Encrypt's IP address certificates; with no candidate
     * the subject stays empty.
     */
    static Optional<String> commonName(Optional<String> requested, List<Identifier> identifiers) {
        List<String> candidates = identifiers.stream()
                .filter(id -> id.type() == IdentifierType.DNS)
                .map(Identifier::value)
                .filter(name -> name.length() <= MAX_COMMON_NAME)
                .toList();
        Optional<String> wanted = requested.map(cn -> cn.toLowerCase(Locale.ROOT)).filter(candidates::contains);
        return wanted.isPresent() ? wanted : candidates.stream().findFirst();
    }

    /** A subject of just this common name, or the empty subject. */
    static X500Name subject(Optional<String> commonName) {
        return commonName
                .map(cn -> new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build())
                .orElseGet(() -> new X500Name(new RDN[0]));
    }
}
