package io.layernas.cli.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layernas.api.SearchResult;
import io.layernas.api.Trial;
import io.layernas.cli.results.Provenance;

/** The {@code result.json} document of a run (see docs/results.md). Stateless. */
public final class ResultJson {
    /** Version of the document's layout; bumped when a field changes meaning. */
    public static final int FORMAT = 1;

    private ResultJson() {
    }

    /** The document. */
    public static ObjectNode of(RunReport report) {
        SearchResult result = report.result();
        ObjectNode root = TrialJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("experiment", report.experiment());
        root.put("space", report.plugin("space"));
        root.put("costModel", report.plugin("cost"));
        root.put("costUnit", report.costUnit());
        root.put("evaluator", report.plugin("evaluator"));
        root.put("strategy", report.plugin("strategy"));
        ObjectNode target = root.putObject("target");
        number(target, "low", report.target().low());
        number(target, "high", report.target().high());
        root.put("stopReason", result.stopReason() == null ? "RUNNING" : result.stopReason().name());
        root.put("evaluations", result.evaluations());
        root.put("succeeded", result.trials().stream().filter(Trial::succeeded).count());
        root.put("failed", result.trials().stream().filter(t -> !t.succeeded()).count());
        root.put("trainingSeconds", result.trainingSeconds());
        root.put("wallSeconds", report.wallSeconds());
        if (result.best() == null) {
            root.putNull("best");
        } else {
            root.set("best", TrialJson.toJson(result.best(), report.space()));
        }
        ArrayNode front = root.putArray("front");
        result.front().forEach(t -> front.add(TrialJson.toJson(t, report.space())));
        root.set("provenance", provenance(report.provenance(), result));
        return root;
    }

    private static ObjectNode provenance(Provenance provenance, SearchResult result) {
        ObjectNode node = TrialJson.MAPPER.createObjectNode();
        node.put("seed", provenance.seed());
        node.set("config", TrialJson.MAPPER.valueToTree(provenance.config()));
        ObjectNode plugins = node.putObject("plugins");
        provenance.plugins().forEach((role, info) -> plugins.set(role, TrialJson.MAPPER.valueToTree(info)));
        ObjectNode files = node.putObject("dataFiles");
        provenance.dataFiles().forEach((path, sum) -> files.put(path.toString(), sum));
        ObjectNode versions = node.putObject("versions");
        provenance.versions().forEach(versions::put);
        ObjectNode run = node.putObject("run");
        result.abort().ifPresent(reason -> run.put("abortReason", reason));
        return node;
    }

    /** A number, or null for an infinite one (JSON has no infinity). */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
