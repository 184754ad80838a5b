package dev.vantage.validator;

import dev.vantage.config.FirewallService;
import dev.vantage.config.ValidationConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * http-01 (RFC 8555 §8.3): GET {@code http://<name>:<httpPort>/.well-known/acme-challenge/<token>}
 * and compare the body, trailing whitespace ignored, with the key authorization. Redirects are
 * followed here, hop by hop, under Let's Encrypt's rules: at most ten, http or https only, to the
 * validation ports only, no loops. Every hop resolves its host with the perspective's resolver
 * and tries IPv6 first, then IPv4 once on a network failure.
 */
final class Http01Check implements ChallengeCheck {
    static final int MAX_REDIRECTS = 10;
    /** How much of a wrong body the detail quotes, as Let's Encrypt does. */
    static final int QUOTED_BODY = 128;

    private final ValidationConfig config;
    private final HttpFetcher fetcher;

    Http01Check(ValidationConfig config) {
        this.config = config;
        this.fetcher = new HttpFetcher(config);
    }

    @Override
    public CheckOutcome check(Perspective perspective, ValidationRequest request) {
        HttpUrl url = HttpUrl.challenge(request.identifier(), request.token(), config.httpPort());
        Set<String> visited = new HashSet<>();
        visited.add(url.text());
        for (int redirects = 0; ; redirects++) {
            Targets.Resolution resolution = Targets.resolve(perspective, url.host());
            if (resolution.problem() != null) {
                return CheckOutcome.failed(resolution.problem());
            }
            Hop hop = fetch(perspective, url, resolution.addresses());
            if (hop.failure() != null) {
                boolean connecting = hop.failure() instanceof ConnectTimeoutException;
                return CheckOutcome.failed(hop.ip(), url.port(),
                        NetworkFailures.describe(hop.ip() + ": Fetching " + url.text() + ": ", hop.failure(), connecting));
            }
            HttpFetcher.Response response = hop.response();
            if (!isRedirect(response)) {
                return judge(hop.ip(), url, response, request.keyAuthorization());
            }
            HttpUrl.Redirect redirect = url.follow(response.location(), config.httpPort(), config.tlsAlpnPort());
            String refusal = redirect.refusal() != null ? redirect.refusal()
                    : redirects >= MAX_REDIRECTS ? "Too many redirects"
                    : !visited.add(redirect.url().text()) ? "Redirect loop detected"
                    : null;
            if (refusal != null) {
                return CheckOutcome.failed(hop.ip(), url.port(), new ValidationProblem(ProblemKind.CONNECTION,
                        hop.ip() + ": Fetching " + redirect.shown() + ": " + refusal));
            }
            url = redirect.url();
        }
    }

    /** One request to one host: the response, or the failure of the last address tried. */
    private record Hop(String ip, HttpFetcher.Response response, IOException failure) {
    }

    /**
     * IPv6 first; any network-level failure there falls back to the IPv4 address (as Boulder does).
     * The simulated firewall is asked per address, so a block on one family can fall back too.
     */
    private Hop fetch(Perspective perspective, HttpUrl url, List<InetAddress> addresses) {
        Hop last = null;
        for (InetAddress address : addresses) {
            try {
                perspective.admit(url.host(), address, url.port(), FirewallService.HTTP_01);
                return new Hop(Targets.text(address), fetcher.fetch(url, address, perspective), null);
            } catch (IOException e) {
                last = new Hop(Targets.text(address), null, e);
            }
        }
        return last;
    }

    /** RFC 9110 §15.4: the redirects a client follows automatically, when they say where to. */
    private static boolean isRedirect(HttpFetcher.Response response) {
        int status = response.status();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        return redirect && response.location() != null;
    }

    private static CheckOutcome judge(String ip, HttpUrl url, HttpFetcher.Response response, String keyAuthorization) {
        if (response.status() != 200) {
            return CheckOutcome.failed(ip, url.port(), new ValidationProblem(ProblemKind.UNAUTHORIZED,
                    ip + ": Invalid response from " + url.text() + ": " + response.status()));
        }
        // RFC 8555 §8.3: the server verifies the body; trailing whitespace is tolerated, as at Let's Encrypt.
        String body = new String(response.body(), StandardCharsets.UTF_8).stripTrailing();
        if (!body.equals(keyAuthorization)) {
            return CheckOutcome.failed(ip, url.port(), new ValidationProblem(ProblemKind.UNAUTHORIZED,
                    ip + ": Invalid response from " + url.text() + ": "
                            + Details.quote(Details.prefix(response.body(), QUOTED_BODY))));
        }
        return CheckOutcome.passed(ip, url.port());
    }
}
