package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchStrategy} must do, checked on a small space (4 layers of 3 options, 81
 * architectures, additive cost, accuracy that grows with cost plus a fixed per-architecture
 * noise) through a context of this test's own, so the contract needs nothing but the API:
 * <ul>
 *   <li>the same seed gives the same candidates in the same order, and (for a strategy that draws
 *       random numbers) another seed gives others;</li>
 *   <li>it stops asking once the budget is spent, and never asks for more than it holds;</li>
 *   <li>it reads the target: it finds an architecture inside a reachable target, and ends when
 *       the target is unreachable;</li>
 *   <li>it never asks for an architecture it already has a trial for (unless it says it does on
 *       purpose, {@link #asksAgainForKnownTrials()});</li>
 *   <li>with an unlimited budget it ends on its own, at the latest when the space is exhausted.</li>
 * </ul>
 * A plugin's test extends this class and says how to make its strategy.
 */
public abstract class SearchStrategyContract {
    /** The test space: 4 layers of 3 options. */
    protected static final SearchSpace SPACE = new AbstractSearchSpace("contract-4x3", List.of("a", "b", "c", "d").stream()
            .map(name -> new Layer(name, List.of("0", "1", "2"))).toList()) {
    };
    /** The test cost: layer {@code i} adds {@code (i + 1) * choice}, from 0 to 20. */
    protected static final CostModel COST = new CostModel() {
        @Override
        public double cost(Architecture architecture) {
            double cost = 0;
            for (int i = 0; i < architecture.size(); i++) {
                cost += (i + 1) * architecture.choice(i);
            }
            return cost;
        }

        @Override
        public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
            double fixed = cost(architecture);
            double min = fixed;
            double max = fixed;
            for (int i = freeFrom; i < freeTo; i++) {
                min -= (i + 1) * architecture.choice(i);
                max += (i + 1) * (2 - architecture.choice(i));
            }
            return new CostRange(min, max);
        }
    };
    /** More calls to {@code evaluate} with nothing new than any strategy needs; beyond it, it loops. */
    private static final int IDLE_CALLS = 20_000;

    /** A new instance of the strategy under test, with its default settings. */
    protected abstract SearchStrategy strategy();

    /** Whether the strategy draws random numbers, so that another seed gives other candidates. */
    protected boolean seedChangesTheSearch() {
        return true;
    }

    /**
     * Whether the strategy asks on purpose for architectures it already has trials for (a policy
     * that samples actions and needs the reward of every sample); the context answers those from
     * its trials without training them again.
     */
    protected boolean asksAgainForKnownTrials() {
        return false;
    }

    @Test
    void theSameSeedGivesTheSameCandidatesAndAnotherSeedOthers() {
        List<Architecture> first = run(42, TargetRange.unconstrained(), Budget.evaluations(30)).asked;
        assertThat(run(42, TargetRange.unconstrained(), Budget.evaluations(30)).asked).isEqualTo(first);
        assertThat(first).isNotEmpty();
        if (seedChangesTheSearch()) {
            assertThat(run(43, TargetRange.unconstrained(), Budget.evaluations(30)).asked).isNotEqualTo(first);
        }
    }

    @Test
    void stopsWhenTheBudgetIsSpent() {
        Context context = run(1, TargetRange.unconstrained(), Budget.evaluations(10));
        assertThat(context.trials).hasSize(10);
        assertThat(context.callsAfterBudget).as("calls to evaluate after the budget was spent").isZero();
    }

    @Test
    void findsAnArchitectureInsideAReachableTarget() {
        TargetRange target = new TargetRange(12, 13);
        Context context = run(2, target, Budget.evaluations(60));
        assertThat(context.trials.values()).anyMatch(t -> target.contains(t.cost()));
    }

    @Test
    void endsWhenTheTargetIsUnreachable() {
        Context context = run(3, new TargetRange(100, 200), Budget.unlimited());
        assertThat(context.trials.size()).isLessThanOrEqualTo(81);
    }

    @Test
    void neverAsksForAnArchitectureItAlreadyHas() {
        Context context = run(4, new TargetRange(8, 14), Budget.evaluations(70));
        if (asksAgainForKnownTrials()) {
            return;
        }
        assertThat(context.repeats).as("candidates asked for again after their trial was returned").isEmpty();
    }

    @Test
    void endsOnItsOwnWithAnUnlimitedBudget() {
        Context context = run(5, TargetRange.unconstrained(), Budget.unlimited());
        assertThat(context.trials.size()).isBetween(1, 81);
    }

    private Context run(long seed, TargetRange target, Budget budget) {
        Context context = new Context(seed, target, budget);
        strategy().search(context);
        return context;
    }

    /** The accuracy of an architecture: grows with cost, plus a fixed noise per architecture. */
    protected static double accuracy(Architecture architecture) {
        long hash = new SplittableRandom(architecture.hashCode() * 0x9E3779B97F4A7C15L).nextLong();
        return 0.5 + 0.02 * COST.cost(architecture) + 0.05 * ((hash >>> 11) * 0x1.0p-53);
    }

    /** A single-threaded context that records what the strategy asks for. */
    private static final class Context implements SearchContext {
        private final long seed;
        private final TargetRange target;
        private final Budget budget;
        private final Map<Architecture, Trial> trials = new HashMap<>();
        private final List<Architecture> asked = new ArrayList<>();
        private final List<Architecture> repeats = new ArrayList<>();
        private int callsAfterBudget;
        private int idleCalls;

        Context(long seed, TargetRange target, Budget budget) {
            this.seed = seed;
            this.target = target;
            this.budget = budget;
        }

        @Override
        public SearchSpace space() {
            return SPACE;
        }

        @Override
        public CostModel costModel() {
            return COST;
        }

        @Override
        public TargetRange target() {
            return target;
        }

        @Override
        public Budget budget() {
            return budget;
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public SplittableRandom random(String component) {
            return new SplittableRandom(seed * 31 + component.hashCode());
        }

        @Override
        public List<Trial> evaluate(List<Candidate> candidates) {
            if (budgetExhausted()) {
                callsAfterBudget++;
                return List.of();
            }
            int before = trials.size();
            List<Trial> result = new ArrayList<>();
            for (Candidate candidate : candidates) {
                SPACE.validate(candidate.architecture());
                Trial known = trials.get(candidate.architecture());
                if (known != null) {
                    repeats.add(candidate.architecture());
                    result.add(known);
                    continue;
                }
                if (budgetExhausted()) {
                    break;
                }
                asked.add(candidate.architecture());
                Trial trial = new Trial(trials.size(), candidate.architecture(), candidate.layer(), candidate.bucket(),
                        COST.cost(candidate.architecture()), TrialStatus.SUCCEEDED,
                        Metrics.of(accuracy(candidate.architecture())), null, 0, 1);
                trials.put(candidate.architecture(), trial);
                result.add(trial);
            }
            idleCalls = trials.size() == before ? idleCalls + 1 : 0;
            if (idleCalls > IDLE_CALLS) {
                throw new AssertionError("the strategy asked " + IDLE_CALLS + " times in a row without a new "
                        + "architecture: it does not end when it has nothing new to try");
            }
            return result;
        }

        @Override
        public Optional<Trial> find(Architecture architecture) {
            return Optional.ofNullable(trials.get(architecture));
        }

        @Override
        public boolean budgetExhausted() {
            return trials.size() >= budget.maxEvaluations();
        }

        @Override
        public void publish(SearchEvent event) {
        }
    }
}
