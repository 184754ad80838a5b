package dev.vantage.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The lookup behind the enums whose settings are written as lower-case ids ({@code drop}, {@code log-only}). */
final class EnumIds {

    private EnumIds() {
    }

    /**
     * The constant whose id is {@code text}, ignoring case and surrounding space.
     *
     * @param what names the setting in the error, for example {@code block mode}
     * @throws IllegalArgumentException listing the accepted ids
     */
    static <E extends Enum<E>> E of(E[] values, Function<E, String> id, String what, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(v -> id.apply(v).equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " \"" + text + "\", expected one of "
                        + Arrays.stream(values).map(id).collect(Collectors.joining(", "))));
    }
}
