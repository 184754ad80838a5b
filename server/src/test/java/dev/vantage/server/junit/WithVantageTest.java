package dev.vantage.server.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.server.VantageServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The annotation: the common case in one line. */
@WithVantage(settings = "defaultProfile=shortlived")
class WithVantageTest {
    @Test
    void theAnnotatedClassGetsARunningServer(VantageServer ca) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(ca.sslContext()).build();
        HttpResponse<String> dir = http.send(HttpRequest.newBuilder(ca.directory()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, dir.statusCode());
        assertEquals("shortlived", ca.profiles().defaultName());
        assertEquals(URI.create("https://localhost:" + ca.acmePort() + "/dir"), ca.directory());
    }
}
