package io.layernas.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Budget;
import io.layernas.api.TargetRange;
import io.layernas.core.Problem;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;
import io.layernas.core.random.RandomSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonCsvTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(5, 4, 4, 5);
    private final ComparisonResult result = Comparison.builder()
            .run(SearchRun.builder().problem(new Problem(problem.space(), problem.costs(), new TargetRange(8, 12),
                    Budget.trainingSeconds(40))))
            .evaluator(new SyntheticEvaluator(1, 0, 2))
            .seeds(3).gridPoints(10).strategy("random", new RandomSearch(RandomSearch.Config.defaults()))
            .optimum(new Optimum(0.9, 0.8, 0.85, problem.space().defaultArchitecture(), 7)).build().run();

    @Test
    void writesSummaryCurvesAndRunsWithHeaders(@TempDir Path directory) throws Exception {
        ComparisonCsv.writeAll(result, directory);
        List<String> summary = Files.readAllLines(directory.resolve("summary.csv"));
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0)).isEqualTo("strategy,runs,found,mean_test,std_test,mean_valid,std_valid,"
                + "mean_evaluations,mean_training_seconds");
        SummaryRow row = result.summaryOf("random");
        // The synthetic evaluator reports no test accuracy: those fields are empty.
        assertThat(summary.get(1)).isEqualTo("random,3,3,,," + row.meanValid() + "," + row.stdValid() + ","
                + row.meanEvaluations() + "," + row.meanTrainingSeconds());
        assertThat(summary.get(2)).isEqualTo("optimum,,,0.8,,0.9,,,");

        List<String> curves = Files.readAllLines(directory.resolve("curves.csv"));
        assertThat(curves).hasSize(1 + 2 * 10);
        assertThat(curves.get(0)).isEqualTo("strategy,metric,axis,time,mean,q25,q75,runs");
        assertThat(curves.get(10)).startsWith("random,valid,training_seconds,40.0,");
        assertThat(curves.get(11)).startsWith("random,test,training_seconds,4.0,,,,");

        List<String> runs = Files.readAllLines(directory.resolve("runs.csv"));
        assertThat(runs).hasSize(1 + result.runs().stream().mapToInt(RunCurve::evaluations).sum());
        assertThat(runs.get(1)).startsWith("random,0,2.0,");
    }
}
