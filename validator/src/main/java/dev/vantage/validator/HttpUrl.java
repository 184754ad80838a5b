package dev.vantage.validator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An http-01 request target: scheme, host (a name or an IP literal), port, and path with query.
 * It also holds the redirect rules, since they are rules about which URLs may be fetched.
 */
record HttpUrl(String scheme, String host, int port, String pathAndQuery) {
    /** The port an https URL without a port goes to; Let's Encrypt only follows https to 443. */
    static final int HTTPS_PORT = 443;

    /** RFC 8555 §8.3: {@code http://<domain>:<httpPort>/.well-known/acme-challenge/<token>}. */
    static HttpUrl challenge(Identifier identifier, String token, int httpPort) {
        return new HttpUrl("http", identifier.value(), httpPort, "/.well-known/acme-challenge/" + token);
    }

    /** The URL as shown in details: the port only when it is not the scheme's default. */
    String text() {
        boolean defaultPort = scheme.equals("http") ? port == 80 : port == HTTPS_PORT;
        return scheme + "://" + hostHeader() + (defaultPort ? "" : ":" + port) + pathAndQuery;
    }

    /** The Host header value: the name, or the IP literal (bracketed for IPv6, RFC 3986 §3.2.2). */
    String hostHeader() {
        return Targets.urlHost(host);
    }

    URI uri() {
        return URI.create(scheme + "://" + hostHeader() + ":" + port + pathAndQuery);
    }

    /** A redirect target that may be followed, or why not. */
    record Redirect(HttpUrl url, String shown, String refusal) {
    }

    /**
     * Resolves a {@code Location} against this URL and applies Let's Encrypt's redirect rules:
     * http or https only, and only to the validation ports. A URL without a port means the http-01
     * port for http (the test CA's stand-in for 80) and 443 for https; an explicit port must be the
     * http-01 port, the tls-alpn-01 port or 443.
     */
    Redirect follow(String location, int httpPort, int tlsAlpnPort) {
        URI target;
        try {
            target = uri().resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Redirect(null, location, "Invalid redirect target \"" + location + "\"");
        }
        String shown = target.toString();
        String targetScheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!targetScheme.equals("http") && !targetScheme.equals("https")) {
            return new Redirect(null, shown, "Invalid protocol scheme in redirect target. "
                    + "Only \"http\" and \"https\" protocol schemes are supported, not \"" + targetScheme + "\"");
        }
        String targetHost = target.getHost();
        if (targetHost == null || targetHost.isEmpty()) {
            return new Redirect(null, shown, "Invalid host in redirect target \"" + location + "\"");
        }
        List<Integer> allowed = allowedPorts(httpPort, tlsAlpnPort);
        int targetPort = target.getPort() != -1 ? target.getPort() : targetScheme.equals("http") ? httpPort : HTTPS_PORT;
        if (!allowed.contains(targetPort)) {
            return new Redirect(null, shown, "Invalid port in redirect target. Only ports "
                    + Details.and(allowed) + " are supported, not " + targetPort);
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
        HttpUrl next = new HttpUrl(targetScheme, unbracket(targetHost).toLowerCase(Locale.ROOT), targetPort, path + query);
        return new Redirect(next, next.text(), null);
    }

    private static List<Integer> allowedPorts(int httpPort, int tlsAlpnPort) {
        List<Integer> ports = new ArrayList<>();
        for (int port : new int[] {httpPort, tlsAlpnPort, HTTPS_PORT}) {
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
