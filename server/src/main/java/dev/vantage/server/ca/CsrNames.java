package dev.vantage.server.ca;

import dev.vantage.validator.Identifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The names a CSR asks for: its subject common name, if any, and the dNSName and iPAddress
 * entries of the subjectAltName in its extension request (RFC 2986 §4.1, RFC 2985 §5.4.2).
 * Names are kept in a canonical form: DNS names in lower case, IP addresses as the JDK prints
 * them, so that {@code 2001:DB8::1} in an order matches {@code 2001:db8:0:0:0:0:0:1} in a CSR.
 *
 * @param commonName the common name as the CSR spells it
 * @param names      the common name (if any) and the SAN entries, canonical, without duplicates
 */
record CsrNames(Optional<String> commonName, Set<Identifier> names) {

    /** Reads the names, refusing any the CA cannot issue for. */
    static CsrNames read(PKCS10CertificationRequest request) {
        Optional<String> commonName = commonName(request);
        Set<Identifier> names = new LinkedHashSet<>();
        commonName.map(CsrNames::fromText).ifPresent(names::add);
        for (GeneralName name : altNames(request)) {
            names.add(fromAltName(name));
        }
        return new CsrNames(commonName, names);
    }

    /** The common name as an identifier in canonical form, if there is one. */
    Optional<Identifier> commonNameIdentifier() {
        return commonName.map(CsrNames::fromText);
    }

    /** The identifier in canonical form: an IP literal as an IP address, anything else as a DNS name. */
    static Identifier canonical(Identifier identifier) {
        return switch (identifier.type()) {
            case DNS -> identifier;
            case IP -> IpLiteral.parse(identifier.value())
                    .map(address -> Identifier.ip(address.getHostAddress()))
                    .orElse(identifier);
        };
    }

    private static Identifier fromText(String text) {
        return IpLiteral.parse(text)
                .map(address -> Identifier.ip(address.getHostAddress()))
                .orElseGet(() -> Identifier.dns(text));
    }

    private static Optional<String> commonName(PKCS10CertificationRequest request) {
        RDN[] rdns = request.getSubject().getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        if (rdns.length > 1 || rdns[0].isMultiValued()) {
            throw CsrPolicy.bad("CSR subject has more than one common name; at most one is allowed");
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        if (!(value instanceof ASN1String text)) {
            throw CsrPolicy.bad("CSR common name is not a string");
        }
        return Optional.of(text.getString());
    }

    private static List<GeneralName> altNames(PKCS10CertificationRequest request) {
        try {
            Extensions extensions = request.getRequestedExtensions();
            GeneralNames names = extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            return names == null ? List.of() : List.of(names.getNames());
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw CsrPolicy.bad("CSR extension request cannot be parsed: " + e.getMessage());
        }
    }

    private static Identifier fromAltName(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> Identifier.dns(((ASN1String) name.getName()).getString());
            case GeneralName.iPAddress -> Identifier.ip(address(ASN1OctetString.getInstance(name.getName()).getOctets()));
            default -> throw CsrPolicy.bad("CSR asks for a subject alternative name of type " + typeName(name.getTagNo())
                    + "; only DNS names and IP addresses are issued");
        };
    }

    private static String address(byte[] octets) {
        if (octets.length != 4 && octets.length != 16) {
            throw CsrPolicy.bad("CSR has an iPAddress subject alternative name of " + octets.length
                    + " bytes; an address has 4 or 16");
        }
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static String typeName(int tag) {
        return switch (tag) {
            case GeneralName.otherName -> "otherName";
            case GeneralName.rfc822Name -> "email address (rfc822Name)";
            case GeneralName.x400Address -> "x400Address";
            case GeneralName.directoryName -> "directoryName";
            case GeneralName.ediPartyName -> "ediPartyName";
            case GeneralName.uniformResourceIdentifier -> "URI";
            case GeneralName.registeredID -> "registeredID";
            default -> "tag " + tag;
        };
    }

    /** The names as text for a problem detail, for example {@code dns:a.test, ip:192.0.2.1}. */
    static String list(Set<Identifier> names, Function<Identifier, Identifier> spelling) {
        List<String> texts = new ArrayList<>();
        for (Identifier name : names) {
            texts.add(spelling.apply(name).toString());
        }
        return String.join(", ", texts);
    }
}
