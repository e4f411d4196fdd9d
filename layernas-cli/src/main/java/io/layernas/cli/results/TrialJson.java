package io.layernas.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial as one JSON object (the line format of {@code trials.jsonl}, see docs/results.md), and
 * back. Stateless and thread-safe.
 */
public final class TrialJson {
    /** The shared mapper; Jackson's mapper is thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TrialJson() {
    }

    /** The trial as JSON; {@code architecture} is the space's text form, {@code choices} the option indices. */
    public static ObjectNode toJson(Trial trial, SearchSpace space) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("index", trial.index());
        node.put("architecture", space.format(trial.architecture()));
        ArrayNode choices = node.putArray("choices");
        for (int choice : trial.architecture().choices()) {
            choices.add(choice);
        }
        node.put("layer", trial.layer());
        node.put("bucket", trial.bucket());
        node.put("cost", trial.cost());
        node.put("status", trial.status().name());
        if (trial.succeeded()) {
            node.put("objective", trial.metrics().objective());
            node.put("trainingSeconds", trial.metrics().trainingSeconds());
            ObjectNode metrics = node.putObject("metrics");
            new TreeMap<>(trial.metrics().values()).forEach(metrics::put);
        } else {
            node.putNull("objective");
            node.put("trainingSeconds", 0.0);
            node.putNull("metrics");
        }
        if (trial.failure() == null) {
            node.putNull("failure");
        } else {
            node.put("failure", trial.failure());
        }
        node.put("wallSeconds", trial.wallSeconds());
        node.put("attempts", trial.attempts());
        return node;
    }

    /** The trial a {@link #toJson} object describes. */
    public static Trial fromJson(JsonNode node) {
        JsonNode choiceNodes = required(node, "choices");
        int[] choices = new int[choiceNodes.size()];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = choiceNodes.get(i).asInt();
        }
        TrialStatus status = TrialStatus.valueOf(required(node, "status").asText());
        Metrics metrics = null;
        if (status == TrialStatus.SUCCEEDED) {
            Map<String, Double> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = required(node, "metrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                values.put(entry.getKey(), entry.getValue().asDouble());
            }
            metrics = new Metrics(required(node, "objective").asDouble(), required(node, "trainingSeconds").asDouble(),
                    values);
        }
        JsonNode failure = node.get("failure");
        return new Trial(required(node, "index").asInt(), Architecture.of(choices), required(node, "layer").asInt(),
                required(node, "bucket").asInt(), required(node, "cost").asDouble(), status, metrics,
                failure == null || failure.isNull() ? null : failure.asText(), required(node, "wallSeconds").asDouble(),
                required(node, "attempts").asInt());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("trial record has no '" + field + "': " + node);
        }
        return value;
    }
}
