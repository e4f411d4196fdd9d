package io.layernas.core.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationTest {
    private static Trial trial(int index) {
        return new Trial(index, Architecture.of(index), -1, -1, 1, TrialStatus.SUCCEEDED, Metrics.of(index), null, 0, 1);
    }

    @Test
    void theOldestLeavesWhateverItsFitness() {
        Population population = new Population(50);
        population.add(trial(0), 1000); // the fittest, and the oldest
        for (int i = 1; i < 50; i++) {
            population.add(trial(i), i);
        }
        assertThat(population.size()).isEqualTo(50);
        population.add(trial(50), 0);
        assertThat(population.size()).isEqualTo(50);
        assertThat(population.members().get(0).trial().index()).isEqualTo(1);
        assertThat(population.members().get(49).trial().index()).isEqualTo(50);
    }

    @Test
    void theTournamentWinnerIsTheFittestOfTenUniformDraws() {
        Population population = new Population(50);
        for (int i = 0; i < 50; i++) {
            population.add(trial(i), (i * 37) % 50);
        }
        SplittableRandom random = new SplittableRandom(5);
        SplittableRandom replay = new SplittableRandom(5);
        for (int round = 0; round < 100; round++) {
            double expected = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < 10; d++) {
                expected = Math.max(expected, (replay.nextInt(50) * 37) % 50);
            }
            assertThat(population.tournament(10, random).fitness()).isEqualTo(expected);
        }
    }

    @Test
    void largerTournamentsSelectFitterParents() {
        Population population = new Population(50);
        for (int i = 0; i < 50; i++) {
            population.add(trial(i), i);
        }
        SplittableRandom random = new SplittableRandom(6);
        double one = 0;
        double ten = 0;
        for (int round = 0; round < 2000; round++) {
            one += population.tournament(1, random).fitness();
            ten += population.tournament(10, random).fitness();
        }
        assertThat(one / 2000).isBetween(22.0, 27.0);   // uniform: mean 24.5
        assertThat(ten / 2000).isBetween(43.0, 46.0);   // max of 10 uniform draws of 0..49: about 44.6
    }
}
