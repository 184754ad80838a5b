package dev.vantage.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vantage.config.ConfigJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The server's one JSON codec (Jackson stays behind it). Times are RFC 3339 in UTC
 * (RFC 8555 §7.1), absent values are left out, values must have the JSON type the member takes,
 * and unknown ACME request members are ignored (RFC 8555 leaves room for extensions).
 */
public final class Json {
    private static final ObjectMapper MAPPER = ConfigJson.strict(JsonMapper.builder())
            .addModule(ConfigJson.durations())
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantSerializer()))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    /** For the management API, whose bodies have a fixed shape: an unknown member is a mistake. */
    private static final ObjectMapper STRICT = MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Serializes records, maps and lists. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code bytes} as {@code type}; a syntax error or a member of the wrong type becomes a
     * {@link JsonInputException} whose message says which member and why, for a problem detail.
     */
    public static <T> T read(byte[] bytes, Class<T> type) {
        return read(MAPPER, bytes, type);
    }

    /** As {@link #read} but refusing members {@code type} does not have (management API bodies). */
    public static <T> T readStrict(byte[] bytes, Class<T> type) {
        return read(STRICT, bytes, type);
    }

    private static <T> T read(ObjectMapper mapper, byte[] bytes, Class<T> type) {
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new JsonInputException("expected a JSON object, got null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new JsonInputException("unknown member \"" + e.getPropertyName() + "\"; known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new JsonInputException(path.isEmpty() ? "wrong JSON shape" : "member \"" + path + "\" has the wrong type");
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new JsonInputException(root instanceof IllegalArgumentException && root.getMessage() != null
                    ? root.getMessage() : "not valid JSON at line " + lineOf(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(e.getMessage());
        }
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
        }
    }

    /** Input that is not the JSON expected. */
    public static final class JsonInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonInputException(String message) {
            super(message, null, false, false);
        }
    }
}
