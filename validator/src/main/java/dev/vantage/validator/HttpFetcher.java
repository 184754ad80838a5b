package dev.vantage.validator;

import dev.vantage.config.ValidationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.Timeout;

/**
 * One GET to one pinned address with Apache HttpClient. The address comes from the perspective's
 * own resolver, never from the system's, and redirects are returned rather than followed, so the
 * http-01 check decides on every hop (RFC 8555 §8.3 and Let's Encrypt's redirect rules).
 */
final class HttpFetcher {
    /** Enough for any key authorization and a useful error page; the rest is never read. */
    static final int BODY_LIMIT = 64 * 1024;

    /** What came back: status, the Location header if any, and at most {@link #BODY_LIMIT} body bytes. */
    record Response(int status, String location, byte[] body) {
    }

    private final Timeout connectTimeout;
    private final Timeout readTimeout;
    private final TlsSocketStrategy tls;

    HttpFetcher(ValidationConfig config) {
        this.connectTimeout = Timeout.of(config.connectTimeout());
        this.readTimeout = Timeout.of(config.readTimeout());
        this.tls = ClientTlsStrategyBuilder.create()
                .setSslContext(InsecureTls.context())
                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                .buildClassic();
    }

    /**
     * Fetches {@code url} from {@code address}. Network failures are thrown as they come from the
     * client (connect timeouts as HttpClient's ConnectTimeoutException, read timeouts as
     * SocketTimeoutException) so the caller can tell them apart.
     */
    Response fetch(HttpUrl url, InetAddress address, Perspective perspective) throws IOException {
        try (CloseableHttpClient client = client(address, perspective)) {
            HttpGet get = new HttpGet(url.uri());
            // Host names the identifier without the port, as Let's Encrypt's validation sends it.
            get.setAuthority(new URIAuthority(url.hostHeader()));
            get.setHeader("Accept", "*/*");
            HttpHost target = new HttpHost(url.scheme(), url.host(), url.port());
            ClassicHttpResponse response = client.executeOpen(target, get, HttpClientContext.create());
            try {
                byte[] body = readLimited(response.getEntity());
                Header location = response.getFirstHeader("Location");
                return new Response(response.getCode(), location == null ? null : location.getValue(), body);
            } finally {
                // Closing the body stream would drain the rest of a large body: drop the
                // connection instead, then release the response without reading further.
                get.cancel();
                closeQuietly(response);
            }
        }
    }

    private CloseableHttpClient client(InetAddress address, Perspective perspective) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setSocketTimeout(readTimeout)
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedAddress(address))
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setRoutePlanner(new BindingRoutePlanner(perspective.bindAddress()))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(readTimeout)
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent(perspective.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** Reads at most {@link #BODY_LIMIT} bytes and leaves the stream open (closing it drains it). */
    private static byte[] readLimited(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        return in.readNBytes(BODY_LIMIT);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the connection was cancelled on purpose; its close has nothing left to report
        }
    }

    /** Answers every host with the one address the check chose, so HttpClient never asks the system. */
    private record PinnedAddress(InetAddress address) implements org.apache.hc.client5.http.DnsResolver {
        @Override
        public InetAddress[] resolve(String host) {
            return new InetAddress[] {address};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** Binds outgoing connections to the vantage point's real local address, when it has one. */
    private static final class BindingRoutePlanner extends DefaultRoutePlanner {
        private final InetAddress bindAddress;

        BindingRoutePlanner(InetAddress bindAddress) {
            super(DefaultSchemePortResolver.INSTANCE);
            this.bindAddress = bindAddress;
        }

        @Override
        protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
            return bindAddress;
        }
    }
}
