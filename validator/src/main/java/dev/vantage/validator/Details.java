package dev.vantage.validator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** Small text and digest helpers shared by the checks. */
final class Details {

    private Details() {
    }

    /**
     * Quotes text the way Go's {@code %q} does in Let's Encrypt's details: in double quotes, with
     * backslash escapes for quotes, backslashes and control characters.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** The first {@code limit} bytes as text; an invalid or cut UTF-8 sequence shows as U+FFFD. */
    static String prefix(byte[] bytes, int limit) {
        ByteBuffer head = ByteBuffer.wrap(bytes, 0, Math.min(limit, bytes.length));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(head).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }

    /** SHA-256 of the key authorization's UTF-8 octets (RFC 8555 §8.4, RFC 8737 §3). */
    static byte[] sha256(String keyAuthorization) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** base64url without padding (RFC 8555 §8.4 refers to RFC 7515 §2). */
    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code 80}, {@code 80 and 443}, {@code 80, 5001 and 443}. */
    static String and(List<Integer> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(i == values.size() - 1 ? " and " : ", ");
            }
            out.append(values.get(i));
        }
        return out.toString();
    }
}
