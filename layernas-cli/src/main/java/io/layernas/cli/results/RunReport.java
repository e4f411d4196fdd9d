package io.layernas.cli.results;

import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.cli.results.Provenance;
import java.util.Objects;

/**
 * Everything the result files of one run are made from.
 *
 * @param experiment  the experiment's name (its file name)
 * @param space       the space searched
 * @param result      the search's result
 * @param provenance  what reproduces it
 * @param wallSeconds wall-clock seconds the run took (this session, not earlier sessions of a resumed run)
 */
public record RunReport(String experiment, SearchSpace space, SearchResult result, Provenance provenance,
                        double wallSeconds) {
    public RunReport {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The cost model's unit. */
    public String costUnit() {
        return result.costUnit();
    }

    /** The target range, in {@link #costUnit()}s. */
    public TargetRange target() {
        return result.target();
    }

    /** The plugin name in a role: space, cost, evaluator, strategy. */
    public String plugin(String role) {
        Provenance.PluginInfo info = provenance.plugins().get(role);
        return info == null ? "?" : info.name();
    }
}
