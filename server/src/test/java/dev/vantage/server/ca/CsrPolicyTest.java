package dev.vantage.server.ca;

import static dev.vantage.server.ca.TestCsrs.csr;
import static dev.vantage.server.ca.TestCsrs.dns;
import static dev.vantage.server.ca.TestCsrs.email;
import static dev.vantage.server.ca.TestCsrs.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.validator.Identifier;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsrPolicyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair P256 = Keys.ec("secp256r1", RANDOM);
    private static final KeyPair ACCOUNT = Keys.ec("secp256r1", RANDOM);
    private static final Identifier A = Identifier.dns("a.example.test");
    private static final Identifier B = Identifier.dns("b.example.test");
    private static final List<Identifier> AB = List.of(A, B);
    private static final List<GeneralName> SAN_AB = List.of(dns("a.example.test"), dns("b.example.test"));
    private static final String LONG = "a".repeat(60) + ".example.test";

    static Stream<Arguments> accepted() {
        return Stream.of(
                accept("a P-256 CSR naming exactly the order's names is accepted",
                        csr(P256, "a.example.test", SAN_AB), AB),
                accept("a P-384 CSR is accepted, as dehydrated sends",
                        csr(Keys.ec("secp384r1", RANDOM), "a.example.test", SAN_AB), AB),
                accept("an RSA-2048 CSR is accepted", csr(Keys.rsa(2048, RANDOM), null, SAN_AB), AB),
                accept("an RSA-4096 CSR is accepted", csr(Keys.rsa(4096, RANDOM), null, SAN_AB), AB),
                accept("a CSR without a common name is accepted", csr(P256, null, SAN_AB), AB),
                accept("a CSR naming the order's names in another order and case is accepted",
                        csr(P256, "B.Example.Test", List.of(dns("B.EXAMPLE.TEST"), dns("A.example.test"))), AB),
                accept("a CSR with only a common name is accepted", csr(P256, "a.example.test", List.of()), List.of(A)),
                accept("a CSR naming IP addresses in its SAN is accepted",
                        csr(P256, null, List.of(ip("192.0.2.1"), ip("2001:db8::1"))),
                        List.of(Identifier.ip("192.0.2.1"), Identifier.ip("2001:DB8:0::1"))),
                accept("a CSR with a wildcard name is accepted",
                        csr(P256, "*.example.test", List.of(dns("*.example.test"))), List.of(Identifier.dns("*.example.test"))),
                accept("a CSR with a 73-character name outside the common name is accepted",
                        csr(P256, null, List.of(dns(LONG))), List.of(Identifier.dns(LONG))),
                accept("a CSR with 100 names is accepted", csr(P256, null, names(100)), identifiers(100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String sentence, byte[] der, List<Identifier> order) {
        Csr accepted = CsrPolicy.check(der, order, ACCOUNT.getPublic());
        assertEquals(order.size(), accepted.names().size());
        assertTrue(order.containsAll(accepted.names()), "names are spelled as the order spells them");
    }

    static Stream<Arguments> unreadableOrWeak() {
        byte[] good = csr(P256, "a.example.test", SAN_AB);
        return Stream.of(
                refuse("bytes that are not DER are refused", "hello".getBytes(), AB, "cannot be parsed"),
                refuse("an empty CSR is refused", new byte[0], AB, "empty"),
                refuse("a CSR with trailing bytes is refused", concat(good, new byte[] {0}), AB, "cannot be parsed"),
                refuse("a CSR with a tampered signature is refused", TestCsrs.tampered(good), AB, "signature does not verify"),
                refuse("a CSR signed with SHA-1 is refused",
                        csr(Keys.rsa(2048, RANDOM), null, SAN_AB, "SHA1withRSA"), AB, "signed with SHA1"),
                refuse("an RSA-1024 CSR is refused", csr(Keys.rsa(1024, RANDOM), null, SAN_AB), AB, "1024 bits"),
                refuse("an RSA-2056 CSR is refused", csr(Keys.rsa(2056, RANDOM), null, SAN_AB), AB, "2056 bits"),
                refuse("a P-521 CSR is refused", csr(Keys.ec("secp521r1", RANDOM), null, SAN_AB), AB,
                        "only P-256 and P-384 are accepted"),
                refuse("an Ed25519 CSR is refused", csr(TestCsrs.ed25519(), null, SAN_AB, "Ed25519"), AB,
                        "only RSA and ECDSA keys"),
                refuse("a CSR carrying the account's own key is refused", csr(ACCOUNT, null, SAN_AB), AB, "account"));
    }

    static Stream<Arguments> wrongNames() {
        return Stream.of(
                refuse("a CSR naming an extra identifier is refused",
                        csr(P256, null, List.of(dns("a.example.test"), dns("b.example.test"), dns("c.example.test"))), AB,
                        "extra dns:c.example.test"),
                refuse("a CSR missing one of the order's identifiers is refused",
                        csr(P256, null, List.of(dns("a.example.test"))), AB, "missing dns:b.example.test"),
                refuse("a CSR missing one identifier and naming another is refused",
                        csr(P256, null, List.of(dns("a.example.test"), dns("c.example.test"))), AB,
                        "missing dns:b.example.test; extra dns:c.example.test"),
                refuse("a CSR naming nothing is refused", csr(P256, null, List.of()), AB,
                        "missing dns:a.example.test, dns:b.example.test"),
                refuse("a CSR whose common name is not one of the order's identifiers is refused",
                        csr(P256, "other.example.test", SAN_AB), AB, "common name \"other.example.test\" is not one"),
                refuse("a CSR with a common name longer than 64 characters is refused",
                        csr(P256, LONG, List.of(dns(LONG))), List.of(Identifier.dns(LONG)), "73 characters long"),
                refuse("a CSR with more than 100 names is refused", csr(P256, null, names(101)), identifiers(101),
                        "101 names; at most 100"),
                refuse("a CSR asking for an email address is refused",
                        csr(P256, null, List.of(dns("a.example.test"), email("me@example.test"))), List.of(A), "email"),
                refuse("a CSR naming a different IP address is refused",
                        csr(P256, null, List.of(ip("192.0.2.2"))), List.of(Identifier.ip("192.0.2.1")),
                        "missing ip:192.0.2.1; extra ip:192.0.2.2"),
                refuse("a CSR for the base name of a wildcard order is refused",
                        csr(P256, null, List.of(dns("example.test"))), List.of(Identifier.dns("*.example.test")),
                        "missing dns:*.example.test; extra dns:example.test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"unreadableOrWeak", "wrongNames"})
    void refuses(String sentence, byte[] der, List<Identifier> order, String detail) {
        AcmeProblemException e = assertThrows(AcmeProblemException.class, () -> CsrPolicy.check(der, order, ACCOUNT.getPublic()));
        assertEquals(ProblemType.BAD_CSR, e.problem().type());
        assertEquals("badCSR", e.problem().type().code());
        assertTrue(e.problem().detail().contains(detail), () -> "detail \"" + e.problem().detail() + "\" should mention " + detail);
    }

    @Test
    void anAcceptedCsrKeepsItsKeyCommonNameAndTheOrdersSpelling() {
        List<Identifier> order = List.of(Identifier.ip("2001:DB8:0::1"), A);
        Csr accepted = CsrPolicy.check(csr(P256, "A.example.test", List.of(ip("2001:db8::1"))), order, null);
        assertEquals(P256.getPublic(), accepted.publicKey());
        assertEquals(Optional.of("A.example.test"), accepted.commonName());
        assertEquals(List.of(A, Identifier.ip("2001:DB8:0::1")), accepted.names(), "common name first, as the CSR lists it");
    }

    @Test
    void theAccountKeyIsRecognisedWhateverClassHoldsIt() throws Exception {
        // The JWS layer may hand over a key of another implementation class than the JDK's.
        PublicKey sameKey = KeyFactory.getInstance("EC", new BouncyCastleProvider())
                .generatePublic(new X509EncodedKeySpec(ACCOUNT.getPublic().getEncoded()));
        assertNotEquals(ACCOUNT.getPublic().getClass(), sameKey.getClass());
        byte[] der = csr(ACCOUNT, null, SAN_AB);
        AcmeProblemException e = assertThrows(AcmeProblemException.class, () -> CsrPolicy.check(der, AB, sameKey));
        assertTrue(e.problem().detail().contains("account key"), e.problem().detail());
    }

    private static Arguments accept(String sentence, byte[] der, List<Identifier> order) {
        return Arguments.of(sentence, der, order);
    }

    private static Arguments refuse(String sentence, byte[] der, List<Identifier> order, String detail) {
        return Arguments.of(sentence, der, order, detail);
    }

    private static List<GeneralName> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> dns("n" + i + ".example.test")).toList();
    }

    private static List<Identifier> identifiers(int count) {
        return IntStream.range(0, count).mapToObj(i -> Identifier.dns("n" + i + ".example.test")).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
