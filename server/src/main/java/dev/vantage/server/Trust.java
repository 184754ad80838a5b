package dev.vantage.server;

import dev.vantage.config.AcmeConfig;
import dev.vantage.config.ConfigException;
import dev.vantage.config.VantageConfig;
import dev.vantage.server.ca.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** What clients need to trust the HTTPS listeners: the names in the certificate, the PEM file, a trust store. */
final class Trust {
    /** DNS names in the listeners' certificate. */
    static final List<String> NAMES = List.of("localhost");

    private Trust() {
    }

    /** Loopback addresses plus any specific listen address (a wildcard one cannot be in a certificate). */
    static List<String> addresses(VantageConfig c) {
        List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
        for (String a : List.of(c.acme().listenAddress(), c.management().listenAddress())) {
            if (!ips.contains(a) && !a.equals("0.0.0.0") && !a.equals("::")) {
                ips.add(a);
            }
        }
        return ips;
    }

    /**
     * Writes the generated TLS root to {@code acme.trustFile} and returns its absolute path; null
     * when the key is empty or a provided certificate ({@code acme.tlsCertificate}) has no root of ours.
     */
    static Path writeTrustFile(AcmeConfig acme, TlsIdentity tls) {
        if (acme.trustFile().isEmpty()) {
            return null;
        }
        if (!tls.generated()) {
            Logger.getLogger("dev.vantage").info("acme.tlsCertificate is set, so no trust file is written (there is no"
                    + " root of Vantage's to put in it); clients must trust what issued " + acme.tlsCertificate());
            return null;
        }
        Path path = Path.of(acme.trustFile()).toAbsolutePath();
        try {
            Files.writeString(path, tls.rootPem());
        } catch (IOException e) {
            throw new ConfigException("acme.trustFile", path.toString(), "cannot write it (" + e + ")");
        }
        return path;
    }

    /** A PKCS#12 trust store holding the TLS root, in a temporary file deleted when the JVM exits. */
    static Path pkcs12(TlsIdentity tls, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("vantage-tls-root", tls.root());
            Path file = Files.createTempFile("vantage-truststore-", ".p12");
            file.toFile().deleteOnExit();
            try (var out = Files.newOutputStream(file)) {
                ks.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a PKCS#12 trust store", e);
        }
    }
}
