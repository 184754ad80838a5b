package dev.vantage.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: ISO-8601 ({@code PT7H}, {@code P30D}) or short forms
 * ({@code 7h}, {@code 30d}, {@code 90m}, {@code 15s}, {@code 500ms}, {@code 0}), either with a
 * leading minus for a move backwards.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(-?)(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * The longest duration any setting takes. Longer ones are surely typos, and refusing them
     * early keeps every later computation (instants, milliseconds, certificate dates) in range.
     */
    public static final Duration MAX = Duration.ofDays(36_525);

    /** Parses a duration of at most {@link #MAX} either way; throws {@link IllegalArgumentException} with the accepted forms. */
    public static Duration parse(String text) {
        return bounded(parseUnbounded(text), text);
    }

    /** {@code d} when it is at most {@link #MAX} either way. */
    public static Duration bounded(Duration d, Object shown) {
        if (d.abs().compareTo(MAX) > 0) {
            throw tooLong(shown);
        }
        return d;
    }

    private static Duration parseUnbounded(String text) {
        String t = text.trim();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P")) {
            try {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = SHORT.matcher(t);
        if (!m.matches()) {
            throw invalid(text);
        }
        if (m.group(2).length() > 13) {
            // Over 100 years in any unit (10^13 ms is 317 years); refused before it can overflow.
            throw tooLong(text);
        }
        long n = Long.parseLong(m.group(2)) * (m.group(1).isEmpty() ? 1 : -1);
        return switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest short form that reads back to the same duration ({@code 30d}, {@code 7h}, {@code 1500ms}). */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }

    /**
     * ISO-8601 with days, truncated to seconds ({@code P29DT3H}), because {@link Duration#toString()}
     * never uses days and "PT699H" reads badly where the window is counted in days.
     */
    public static String iso(Duration d) {
        long seconds = d.getSeconds();
        if (seconds <= 0) {
            return "PT0S";
        }
        long days = seconds / 86_400;
        Duration rest = Duration.ofSeconds(seconds % 86_400);
        String time = rest.isZero() ? "" : rest.toString().substring(1);
        return "P" + (days > 0 ? days + "D" : "") + time;
    }

    private static IllegalArgumentException tooLong(Object shown) {
        return new IllegalArgumentException("\"" + shown + "\" is longer than 100 years (36525d)");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a duration: \"" + text
                + "\" (use ISO-8601 such as PT7H or P30D, or 500ms, 15s, 90m, 7h, 30d)");
    }
}
