package dev.vantage.server.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock behind every ACME-visible time. It runs with real time from an offset that
 * tests and the management API move, so "a month later" takes no time at all. Every expiry is
 * computed against it when read, so moving it is enough to expire things.
 */
public final class AdjustableClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    /** A clock running with the system's UTC time. */
    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Vantage keeps all times in UTC");
    }

    /** How far the clock may be from real time either way; certificate dates stay encodable and meaningful. */
    public static final Duration MAX_OFFSET = Duration.ofDays(36_525);

    /** Moves the clock forward (or back, with a negative duration) and returns the new time. */
    public synchronized Instant advance(Duration by) {
        if (by.abs().compareTo(MAX_OFFSET) > 0) {
            throw outOfRange(by.toString());
        }
        return move(offset.plus(by));
    }

    /** Sets the clock to {@code now}; it keeps running from there. */
    public synchronized Instant set(Instant now) {
        if (Duration.between(base.instant(), now).abs().compareTo(MAX_OFFSET) > 0) {
            throw outOfRange(now.toString());
        }
        return move(Duration.between(base.instant(), now));
    }

    /** Checks before storing, so a refused move leaves the clock as it was. */
    private Instant move(Duration newOffset) {
        if (newOffset.abs().compareTo(MAX_OFFSET) > 0) {
            throw outOfRange(newOffset.toString());
        }
        offset = newOffset;
        return instant();
    }

    private static IllegalArgumentException outOfRange(String what) {
        return new IllegalArgumentException("the clock moves at most 100 years from real time; " + what + " is beyond that");
    }

    /** Back to real time. */
    public synchronized Instant reset() {
        offset = Duration.ZERO;
        return instant();
    }

    /** How far the clock is from real time. */
    public Duration offset() {
        return offset;
    }
}
