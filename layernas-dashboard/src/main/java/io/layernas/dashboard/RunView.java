package io.layernas.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.layernas.api.Trial;
import io.layernas.store.RunStatus;
import io.layernas.store.SqliteTrialReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows about one run, read from its directory each time it is asked: the
 * status file the run writes, its {@code config.yaml}, its {@code result.json} once it ended, and
 * counts and the best trial from its store. Nothing is cached but the store's reader, so the
 * server's memory does not grow with the number of trials.
 */
final class RunView {
    /** A run without a status file whose store changed this recently is taken to be running. */
    private static final Duration QUIET = Duration.ofSeconds(60);

    private final RunCatalog catalog;
    private final RunCatalog.Entry entry;
    private final Optional<SqliteTrialReader> reader;
    private final ConfigFile config;
    private final Optional<RunStatus> status;
    private final Optional<JsonNode> result;

    RunView(RunCatalog catalog, RunCatalog.Entry entry) {
        this.catalog = catalog;
        this.entry = entry;
        this.reader = catalog.reader(entry);
        this.config = ConfigFile.read(entry.file("config.yaml"));
        this.status = RunStatus.read(entry.directory());
        this.result = Json.readFile(entry.file("result.json"));
    }

    /** The run's summary: what the runs page shows per run, and the run page's header. */
    Map<String, Object> summary() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("name", entry.name());
        json.put("status", state());
        json.put("space", config.text("space.name"));
        json.put("strategy", config.text("search.strategy"));
        json.put("evaluator", config.text("evaluator.name"));
        json.put("costModel", config.text("cost.name"));
        json.put("costUnit", status.map(s -> s.facts().get("costUnit")).orElse(resultText("costUnit")));
        json.put("perBucket", perBucket());
        double[] target = target();
        json.put("target", Map.of("low", Json.number(target[0]), "high", Json.number(target[1])));
        json.put("budget", config.number("budget.evaluations").map(Double::longValue).orElse(null));
        reader.ifPresent(store -> counts(store, target, json));
        json.put("started", started().toString());
        double elapsed = elapsedSeconds();
        json.put("elapsedSeconds", elapsed);
        json.put("etaSeconds", eta(json, elapsed));
        status.map(s -> s.facts().get("message")).ifPresent(message -> json.put("message", message));
        json.put("stopReason", status.map(s -> s.facts().get("stopReason")).orElse(resultText("stopReason")));
        return json;
    }

    /** The summary with what reproduces the run: its configuration, versions and checksums. */
    Map<String, Object> details() {
        Map<String, Object> json = summary();
        json.put("config", config.text());
        status.ifPresent(s -> json.put("statusFile", s.facts()));
        result.map(r -> r.get("provenance")).ifPresent(p -> json.put("provenance", p));
        return json;
    }

    /** The buckets of the run's layers with their k best ({@code search.perBucket}, else 3). */
    Optional<List<SqliteTrialReader.Bucket>> buckets() {
        double[] target = target();
        return reader.map(store -> catalog.tally(entry, store, target[0], target[1], perBucket()).buckets());
    }

    private int perBucket() {
        return Math.max(1, Math.min(100, config.number("search.perBucket").map(Double::intValue).orElse(3)));
    }

    private void counts(SqliteTrialReader store, double[] target, Map<String, Object> json) {
        RunTally tally = catalog.tally(entry, store, target[0], target[1], perBucket());
        int done = tally.count();
        int succeeded = tally.succeeded();
        json.put("done", done);
        json.put("succeeded", succeeded);
        json.put("failed", done - succeeded);
        json.put("best", tally.best() == null ? null : Trials.brief(tally.best()));
        Optional<String> baseline = status.map(s -> s.facts().get("baseline"));
        json.put("baseline", baseline.flatMap(store::find).filter(Trial::succeeded).map(Trials::brief).orElse(null));
        status.map(s -> s.facts().get("baseline.text")).ifPresent(text -> json.put("baselineText", text));
    }

    private String state() {
        if (status.isPresent()) {
            return status.get().effectiveState().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (result.isPresent()) {
            return "TOO_MANY_FAILURES".equals(resultText("stopReason")) ? "failed" : "finished";
        }
        return lastWrite().isAfter(Instant.now().minus(QUIET)) ? "running" : "stopped";
    }

    private double[] target() {
        if (status.isPresent() && status.get().facts().containsKey("target.low")) {
            return new double[] {Double.parseDouble(status.get().facts().get("target.low")),
                Double.parseDouble(status.get().facts().get("target.high"))};
        }
        Optional<JsonNode> fromResult = result.map(r -> r.get("target"));
        if (fromResult.isPresent()) {
            return new double[] {bound(fromResult.get().get("low"), Double.NEGATIVE_INFINITY),
                bound(fromResult.get().get("high"), Double.POSITIVE_INFINITY)};
        }
        return new double[] {config.number("target.low").orElse(Double.NEGATIVE_INFINITY),
            config.number("target.high").orElse(Double.POSITIVE_INFINITY)};
    }

    private static double bound(JsonNode node, double missing) {
        return node == null || !node.isNumber() ? missing : node.asDouble();
    }

    private Instant started() {
        return status.map(RunStatus::started).orElseGet(() -> modified(entry.file("config.yaml")));
    }

    private double elapsedSeconds() {
        Instant end = status.map(RunStatus::ended).orElse(null);
        if (end == null) {
            end = "running".equals(state()) ? Instant.now() : lastWrite();
        }
        return Math.max(0, Duration.between(started(), end).toMillis() / 1000.0);
    }

    private static Object eta(Map<String, Object> json, double elapsed) {
        Object budget = json.get("budget");
        Object done = json.get("done");
        if (!"running".equals(json.get("status")) || !(budget instanceof Long total) || !(done instanceof Integer n)
                || n == 0) {
            return null;
        }
        return Math.max(0, (total - n) * elapsed / n);
    }

    private Instant lastWrite() {
        Instant db = modified(entry.file("trials.db"));
        Instant wal = modified(entry.file("trials.db-wal"));
        return db.isAfter(wal) ? db : wal;
    }

    private String resultText(String field) {
        return result.map(r -> r.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
