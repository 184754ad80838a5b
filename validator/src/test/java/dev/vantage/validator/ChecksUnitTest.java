package dev.vantage.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure decisions behind the checks: failure wording, URLs and redirect rules, addresses, quoting. */
class ChecksUnitTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("HttpClient's connect timeout is a firewall-like timeout", new ConnectTimeoutException("x"), true,
                        ProblemKind.CONNECTION, "Timeout during connect (likely firewall problem)"),
                Arguments.of("a socket timeout while connecting is a firewall-like timeout", new SocketTimeoutException("Connect timed out"), true,
                        ProblemKind.CONNECTION, "Timeout during connect (likely firewall problem)"),
                Arguments.of("a read timeout after connecting blames a slow server", new SocketTimeoutException("Read timed out"), false,
                        ProblemKind.CONNECTION, "Timeout after connect (your server may be slow or overloaded)"),
                Arguments.of("a refused connection says so", new ConnectException("Connection refused"), true,
                        ProblemKind.CONNECTION, "Connection refused"),
                Arguments.of("HttpClient's refused connection says so", new HttpHostConnectException("Connect to x failed: Connection refused"), true,
                        ProblemKind.CONNECTION, "Connection refused"),
                Arguments.of("the kernel's connect timeout is a firewall-like timeout", new ConnectException("Connection timed out"), true,
                        ProblemKind.CONNECTION, "Timeout during connect (likely firewall problem)"),
                Arguments.of("no route to host says so", new NoRouteToHostException("No route to host"), true,
                        ProblemKind.CONNECTION, "No route to host"),
                Arguments.of("a reset connection is reset by peer", new SocketException("Connection reset"), false,
                        ProblemKind.CONNECTION, "Connection reset by peer"),
                Arguments.of("a TLS failure is a tls problem", new SSLHandshakeException("bad record"), false,
                        ProblemKind.TLS, "TLS error: bad record"),
                Arguments.of("anything else is a generic connection problem", new IOException("odd"), false,
                        ProblemKind.CONNECTION, "Error getting validation data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void networkFailuresAreWordedLikeLetsEncrypt(String sentence, IOException failure, boolean connecting,
                                                ProblemKind kind, String description) {
        assertEquals(new ValidationProblem(kind, "1.2.3.4: " + description),
                NetworkFailures.describe("1.2.3.4: ", failure, connecting));
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("port 80 is left out of the URL", new HttpUrl("http", "x.test", 80, "/p"), "http://x.test/p"),
                Arguments.of("another http port is shown", new HttpUrl("http", "x.test", 5002, "/p"), "http://x.test:5002/p"),
                Arguments.of("port 443 is left out of an https URL", new HttpUrl("https", "x.test", 443, "/p"), "https://x.test/p"),
                Arguments.of("an IPv6 address is bracketed", new HttpUrl("http", "2001:db8::1", 80, "/p"), "http://[2001:db8::1]/p"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void urlsAreShownLikeLetsEncryptShowsThem(String sentence, HttpUrl url, String text) {
        assertEquals(text, url.text());
    }

    static Stream<Arguments> redirects() {
        HttpUrl from = new HttpUrl("http", "x.test", 5002, "/.well-known/acme-challenge/t");
        return Stream.of(
                Arguments.of("a relative location stays on the same host and port", from, "/other?a=b",
                        "http://x.test:5002/other?a=b", null),
                Arguments.of("an http location without a port goes to the http-01 port", from, "http://y.test/p",
                        "http://y.test:5002/p", null),
                Arguments.of("an https location without a port goes to 443", from, "https://y.test/p",
                        "https://y.test/p", null),
                Arguments.of("an https location may name the tls-alpn-01 port", from, "https://y.test:5001/p",
                        "https://y.test:5001/p", null),
                Arguments.of("a host name is compared in lower case", from, "http://Y.Test:5002/p",
                        "http://y.test:5002/p", null),
                Arguments.of("another port is refused, naming the allowed ones", from, "https://y.test:8443/p", null,
                        "Invalid port in redirect target. Only ports 5002, 5001 and 443 are supported, not 8443"),
                Arguments.of("another scheme is refused", from, "gopher://y.test/p", null,
                        "Invalid protocol scheme in redirect target. Only \"http\" and \"https\" protocol schemes are supported, not \"gopher\""),
                Arguments.of("a location that is no URI is refused", from, "http://bad host/", null,
                        "Invalid redirect target \"http://bad host/\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redirects")
    void redirectsFollowLetsEncryptsRules(String sentence, HttpUrl from, String location, String next, String refusal) {
        HttpUrl.Redirect redirect = from.follow(location, 5002, 5001);
        assertEquals(refusal, redirect.refusal());
        assertEquals(next, redirect.url() == null ? null : redirect.url().text());
    }

    @Test
    void reverseNamesFollowRfc8738() throws Exception {
        assertEquals("4.3.2.1.in-addr.arpa", Targets.reverseName(InetAddress.getByName("1.2.3.4")));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                Targets.reverseName(InetAddress.getByName("2001:db8::1")));
    }

    static Stream<Arguments> ipv6Texts() {
        return Stream.of(
                Arguments.of("the longest zero run becomes ::", "2001:db8:0:0:0:0:0:1", "2001:db8::1"),
                Arguments.of("loopback is ::1", "0:0:0:0:0:0:0:1", "::1"),
                Arguments.of("the unspecified address is ::", "0:0:0:0:0:0:0:0", "::"),
                Arguments.of("a single zero group is kept", "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
                Arguments.of("of two equal runs the first is shortened", "2001:0:0:1:0:0:1:1", "2001::1:0:0:1:1"),
                Arguments.of("a run at the end is shortened", "fe80:1:0:0:0:0:0:0", "fe80:1::"),
                Arguments.of("hex is lower case without leading zeros", "2001:0DB8:00AB:0:0:0:0:0001", "2001:db8:ab::1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ipv6Texts")
    void ipv6AddressesAreWrittenInRfc5952Form(String sentence, String address, String text) throws Exception {
        assertEquals(text, Targets.text(InetAddress.getByName(address)));
    }

    @Test
    void onlyAddressLiteralsAreLiterals() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), Targets.literal("127.0.0.1"));
        assertEquals(InetAddress.getByName("::1"), Targets.literal("::1"));
        for (String notLiteral : List.of("x.test", "1.2.3", "256.1.1.1", "localhost", "")) {
            assertNull(Targets.literal(notLiteral), notLiteral);
        }
    }

    @Test
    void quotingEscapesLikeGo() {
        assertEquals("\"a \\\"b\\\" \\\\ \\n\\r\\t\\x00 é\"", Details.quote("a \"b\" \\ \n\r\t\u0000 é"));
    }

    @Test
    void aCutMultiByteCharacterBecomesAReplacementCharacter() {
        byte[] bytes = "aé".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("a\uFFFD", Details.prefix(bytes, 2));
    }

    @Test
    void portListsReadNaturally() {
        assertEquals("80", Details.and(List.of(80)));
        assertEquals("80 and 443", Details.and(List.of(80, 443)));
        assertEquals("5002, 5001 and 443", Details.and(List.of(5002, 5001, 443)));
    }
}
