package io.layernas.core;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import java.util.List;

/** Runs strategies on the test problems. */
public final class Runs {
    private Runs() {
    }

    public static SearchResult run(RandomSpaces.Problem problem, SearchStrategy strategy, TargetRange target, Budget budget,
                            long seed) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs()).evaluator(problem.evaluator())
                .strategy(strategy).target(target).budget(budget).seed(seed).build().run();
    }

    public static List<Architecture> architectures(SearchResult result) {
        return result.trials().stream().map(Trial::architecture).toList();
    }

    /** The mean accuracy of the architectures inside the target: what one random in-target draw scores. */
    public static double randomAverage(RandomSpaces.Problem problem, TargetRange target) {
        return problem.space().enumerate(2_000_000).stream()
                .filter(a -> target.contains(problem.costs().cost(a)))
                .mapToDouble(problem::accuracy).average().orElseThrow();
    }

    public static long inTargetCount(RandomSpaces.Problem problem, TargetRange target) {
        return problem.space().enumerate(2_000_000).stream()
                .filter(a -> target.contains(problem.costs().cost(a))).count();
    }

    public static int differingLayers(Architecture a, Architecture b) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            n += a.choice(i) != b.choice(i) ? 1 : 0;
        }
        return n;
    }
}
