package io.layernas.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import io.layernas.api.RemoteEvaluation;
import io.layernas.cli.config.ConfigTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link RemoteEvaluation} of the command line: a request is a JSON document holding the run's
 * resolved configuration (data files by absolute path) and the candidate; {@code layernas evaluate
 * REQUEST --result RESULT} rebuilds the space and evaluator from it, evaluates and writes the metrics
 * as JSON. The command runs this JVM's {@code java} with this JVM's class path, so the nodes must see
 * the JDK and the jars at the same paths (a shared home or software directory). Thread-safe.
 */
public final class RemoteRequests implements RemoteEvaluation {
    /** The {@code format} of a request document. */
    static final String FORMAT = "layernas-evaluation/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> config;
    private final Path configFile;
    private final List<String> java;

    /**
     * @param config     the run's resolved configuration
     * @param configFile the experiment file (relative paths of plugin settings resolve against its directory)
     */
    public RemoteRequests(Map<String, Object> config, Path configFile) {
        this.config = ConfigTree.copy(config);
        this.configFile = configFile.toAbsolutePath();
        this.java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "io.layernas.cli.Main");
    }

    @Override
    public String encode(EvaluationRequest request) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("configFile", configFile.toString());
        document.put("config", config);
        document.put("architecture", request.architecture().choices());
        document.put("trialIndex", request.trialIndex());
        document.put("seed", request.seed());
        document.put("attempt", request.attempt());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request of trial #" + request.trialIndex(), e);
        }
    }

    @Override
    public List<String> command(Path requestFile, Path resultFile) {
        List<String> command = new java.util.ArrayList<>(java);
        command.addAll(List.of("evaluate", requestFile.toString(), "--result", resultFile.toString()));
        return command;
    }

    @Override
    public Metrics decode(String result) {
        try {
            JsonNode node = JSON.readTree(result);
            if (node == null || !node.path("objective").isNumber()) {
                throw new IllegalArgumentException("it has no numeric 'objective'");
            }
            Map<String, Double> values = new TreeMap<>();
            node.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            return new Metrics(node.get("objective").asDouble(), node.path("trainingSeconds").asDouble(0), values,
                    node.path("log").isTextual() ? node.get("log").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The result document of {@code metrics}, as {@code layernas evaluate} writes it. */
    public static String encode(Metrics metrics) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("objective", metrics.objective());
        document.put("trainingSeconds", metrics.trainingSeconds());
        document.put("values", new TreeMap<>(metrics.values()));
        if (metrics.log() != null) {
            document.put("log", metrics.log());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metrics", e);
        }
    }

    /** A request document read back: the configuration, its file and the request's fields. */
    public record Request(Path configFile, Map<String, Object> config, Architecture architecture, int trialIndex, long seed,
                   int attempt) {
    }

    /** Reads a request document. */
    @SuppressWarnings("unchecked")
    public static Request decodeRequest(String text, Path file) {
        try {
            Map<String, Object> document = JSON.readValue(text, Map.class);
            if (!FORMAT.equals(document.get("format"))) {
                throw new IllegalArgumentException(file + " is not a LayerNAS evaluation request (its format is "
                        + document.get("format") + ", expected " + FORMAT + ")");
            }
            List<Number> choices = (List<Number>) document.get("architecture");
            int[] architecture = choices.stream().mapToInt(Number::intValue).toArray();
            return new Request(Path.of((String) document.get("configFile")), (Map<String, Object>) document.get("config"),
                    Architecture.of(architecture), ((Number) document.get("trialIndex")).intValue(),
                    ((Number) document.get("seed")).longValue(), ((Number) document.get("attempt")).intValue());
        } catch (JsonProcessingException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not a LayerNAS evaluation request: " + e.getMessage(), e);
        }
    }
}
