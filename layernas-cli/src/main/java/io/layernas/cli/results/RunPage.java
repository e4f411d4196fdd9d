package io.layernas.cli.results;

import io.layernas.api.SearchResult;
import io.layernas.api.Trial;
import io.layernas.cli.format.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The index.html of one run. Stateless. */
final class RunPage {
    private RunPage() {
    }

    static String render(RunReport report) {
        SearchResult result = report.result();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("space", report.plugin("space"));
        facts.put("cost model", report.plugin("cost") + " (" + report.costUnit() + ")");
        facts.put("target", report.target().isUnconstrained() ? "none (any cost)" : "["
                + Numbers.format(report.target().low()) + ", " + Numbers.format(report.target().high()) + "] "
                + report.costUnit());
        facts.put("strategy", report.plugin("strategy"));
        facts.put("evaluator", report.plugin("evaluator"));
        facts.put("seed", Long.toString(report.provenance().seed()));
        facts.putAll(ResultWriter.summary(report));
        HtmlPage page = new HtmlPage("LayerNAS run: " + report.experiment())
                .facts(facts)
                .plot(OutputFiles.BEST_SO_FAR_PLOT, "Best objective among trials meeting the target, after each trial")
                .plot(OutputFiles.SCATTER_PLOT, "Cost and objective of every successful trial, the per-bucket front "
                        + "and the target band")
                .heading("Front: the best trial per cost bucket")
                .table(List.of("trial", "architecture", "cost", "objective"), frontRows(report, result.front()))
                .heading("Files")
                .links(List.of(OutputFiles.RESULT_JSON, OutputFiles.TRIALS_JSONL, OutputFiles.TRIALS_CSV,
                        OutputFiles.FRONT_CSV, OutputFiles.BEST_SO_FAR_CSV, OutputFiles.CONFIG_YAML))
                .heading("Provenance");
        Map<String, String> provenance = new LinkedHashMap<>();
        report.provenance().plugins().forEach((role, info) -> provenance.put(role, info.name() + " " + info.version()));
        report.provenance().versions().forEach(provenance::put);
        for (Map.Entry<Path, String> file : report.provenance().dataFiles().entrySet()) {
            provenance.put(file.getKey().toString(), "sha256 " + file.getValue());
        }
        return page.facts(provenance).render();
    }

    private static List<List<String>> frontRows(RunReport report, List<Trial> front) {
        List<List<String>> rows = new ArrayList<>();
        for (Trial t : front) {
            rows.add(List.of(Integer.toString(t.index() + 1), report.space().format(t.architecture()),
                    Numbers.format(t.cost()), Numbers.fixed(t.objective(), 4)));
        }
        return rows;
    }
}
