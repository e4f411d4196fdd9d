package io.layernas.core.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.RandomSpaces;
import io.layernas.core.Runs;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizedEvolutionTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(11, 8, 6, 6);
    private final TargetRange target = new TargetRange(22, 26);

    private SearchResult run(long seed, int evaluations) {
        return Runs.run(problem, new RegularizedEvolution(RegularizedEvolution.Config.paper()), target,
                Budget.evaluations(evaluations), seed);
    }

    @Test
    void startsWithFiftyDistinctRandomModelsThenTrainsOnlyNewOnes() {
        List<Architecture> trained = Runs.architectures(run(1, 400));
        assertThat(trained).hasSize(400);
        assertThat(new HashSet<>(trained)).hasSize(400);
    }

    @Test
    void everyChildIsOneMutationAwayFromAMemberOfTheFiftyLatest() {
        // With aging, the population after trial i is trials i-49..i; a child must come from it.
        List<Architecture> trained = Runs.architectures(run(2, 600));
        for (int i = 50; i < trained.size(); i++) {
            Architecture child = trained.get(i);
            boolean inWindow = false;
            for (int j = i - 50; j < i; j++) {
                inWindow |= Runs.differingLayers(child, trained.get(j)) == 1;
            }
            assertThat(inWindow).as("trial %d has a parent among trials %d..%d", i, i - 50, i - 1).isTrue();
        }
    }

    @Test
    void beatsTheAverageOfARandomInTargetModel() {
        double average = Runs.randomAverage(problem, target);
        double sum = 0;
        for (long seed = 0; seed < 10; seed++) {
            sum += run(seed, 300).bestTrial().map(Trial::objective).orElse(0.0);
        }
        assertThat(sum / 10).isGreaterThan(average);
    }

    @Test
    void aSmallSpaceEndsWhenMutationsFindNothingNew() {
        RandomSpaces.Problem small = RandomSpaces.problem(12, 3, 3, 4);
        SearchResult result = Runs.run(small, new RegularizedEvolution(new RegularizedEvolution.Config(5, 2, -0.07, 200)),
                TargetRange.unconstrained(), Budget.trainingSeconds(1), 3);
        assertThat(result.evaluations()).isLessThanOrEqualTo((int) small.space().architectureCount());
    }

    @Test
    void aTournamentLargerThanThePopulationIsRejected() {
        assertThatThrownBy(() -> new RegularizedEvolution.Config(5, 10, -0.07, 10))
                .hasMessageContaining("tournament (10) must not exceed population (5)");
    }
}
