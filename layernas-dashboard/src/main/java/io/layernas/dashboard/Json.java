package io.layernas.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** JSON helpers: JSON has no NaN or infinity, so such numbers go out as null. Stateless. */
final class Json {
    /** The mapper; thread-safe once configured. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** {@code value}, or null when it is not finite. */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The JSON file, if it exists and parses. */
    static Optional<JsonNode> readFile(Path file) {
        try {
            return file.toFile().isFile() ? Optional.of(MAPPER.readTree(file.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
