package dev.vantage.server.ca;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * A certificate's validity period, cut to whole seconds because that is all X.509 encodes
 * (RFC 5280 §4.1.2.5); the certificate then says exactly what this record says.
 */
record Validity(Instant notBefore, Instant notAfter) {

    Validity {
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
    }

    static Validity of(Instant notBefore, Duration length) {
        Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
        return new Validity(start, start.plus(length));
    }

    Date start() {
        return Date.from(notBefore);
    }

    Date end() {
        return Date.from(notAfter);
    }
}
