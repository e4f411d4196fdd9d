package io.layernas.cli.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layernas.api.Budget;
import io.layernas.api.ConfigurationException;
import io.layernas.core.BudgetHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run directory's {@value OutputFiles#BUDGETS_JSON}: the budgets its trials were made under
 * ({@link BudgetHistory}), so that a run resumed with a larger budget retraces the choices its
 * strategy made under the smaller one. One JSON object per budget, e.g.
 * {@code [{"fromTrial":0,"evaluations":100,"trainingSeconds":null}]} ({@code null}: unlimited).
 * Stateless.
 */
public final class BudgetHistoryFile {
    private BudgetHistoryFile() {
    }

    /**
     * The history of the run in {@code directory}; when it has none (a new run, or one stored
     * before the file existed) every stored trial counts as made under {@code budget}.
     */
    public static BudgetHistory read(Path directory, Budget budget) {
        Path file = directory.resolve(OutputFiles.BUDGETS_JSON);
        if (!Files.exists(file)) {
            return BudgetHistory.of(budget);
        }
        try {
            JsonNode root = TrialJson.MAPPER.readTree(file.toFile());
            if (root == null || !root.isArray() || root.isEmpty()) {
                throw new IllegalArgumentException("expected a non-empty JSON array of budgets");
            }
            List<BudgetHistory.Segment> segments = new ArrayList<>();
            for (JsonNode node : root) {
                segments.add(new BudgetHistory.Segment(integer(node, "fromTrial"),
                        new Budget(evaluations(node), seconds(node))));
            }
            return new BudgetHistory(segments);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigurationException(file + " is not a budget history (" + firstLine(e.getMessage())
                    + "). It records the budgets the run's trials were made under; restore it, or delete it to "
                    + "resume with the budget the run had.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes {@code history} to {@code directory} atomically. */
    public static void write(Path directory, BudgetHistory history) {
        ArrayNode root = TrialJson.MAPPER.createArrayNode();
        for (BudgetHistory.Segment segment : history.segments()) {
            ObjectNode node = root.addObject();
            node.put("fromTrial", segment.fromTrial());
            Budget budget = segment.budget();
            if (budget.maxEvaluations() == Long.MAX_VALUE) {
                node.putNull("evaluations");
            } else {
                node.put("evaluations", budget.maxEvaluations());
            }
            if (Double.isInfinite(budget.maxTrainingSeconds())) {
                node.putNull("trainingSeconds");
            } else {
                node.put("trainingSeconds", budget.maxTrainingSeconds());
            }
        }
        AtomicFile.writeText(directory.resolve(OutputFiles.BUDGETS_JSON),
                out -> out.write(TrialJson.MAPPER.writeValueAsString(root) + "\n"));
    }

    private static int integer(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number in " + node);
        }
        return value.intValue();
    }

    private static long evaluations(JsonNode node) {
        JsonNode value = node.get("evaluations");
        if (value == null || value.isNull()) {
            return Long.MAX_VALUE;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"evaluations\" must be a whole number or null in " + node);
        }
        return value.longValue();
    }

    private static double seconds(JsonNode node) {
        JsonNode value = node.get("trainingSeconds");
        if (value == null || value.isNull()) {
            return Double.POSITIVE_INFINITY;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("\"trainingSeconds\" must be a number or null in " + node);
        }
        return value.doubleValue();
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
