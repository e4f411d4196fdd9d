package io.layernas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.SearchResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The benchmark measures searches that do something: on every space it is run on, the target
 * holds architectures (TPE trains only those) and LayerNAS spends most of the budget (on {@code
 * nats-tss} the first target held no cell, LayerNAS evaluated nothing, and the benchmark reported
 * that as a fast search).
 */
class SearchOverheadBenchmarkTest {
    private static final int BUDGET = 400;

    @Test
    void everySpaceOfTheBenchmarkHasCandidatesInsideItsTarget() throws Exception {
        List<String> spaces = params("space");
        assertThat(spaces).contains("nats-tss", "nats-sss");
        assertThat(params("strategy")).contains("layernas", "tpe");
        for (String space : spaces) {
            Problems.Problem problem = SearchOverheadBenchmark.problem(space);
            // TPE trains only inside the target, so its trials show the target holds architectures.
            SearchResult tpe = SearchOverheadBenchmark.search(problem, SearchOverheadBenchmark.evaluator(), "tpe",
                    BUDGET, 1);
            assertThat(tpe.trials()).as("tpe on %s", space).hasSize(BUDGET)
                    .allSatisfy(t -> assertThat(problem.target().contains(t.cost())).isTrue());
            // LayerNAS does not run dry under this target (a complete search of nats-sss trains 377).
            SearchResult layerNas = SearchOverheadBenchmark.search(problem, SearchOverheadBenchmark.evaluator(),
                    "layernas", BUDGET, 1);
            assertThat(layerNas.evaluations()).as("layernas on %s", space).isGreaterThanOrEqualTo(BUDGET * 9 / 10);
        }
    }

    private static List<String> params(String field) throws NoSuchFieldException {
        return List.of(SearchOverheadBenchmark.class.getField(field).getAnnotation(Param.class).value());
    }
}
