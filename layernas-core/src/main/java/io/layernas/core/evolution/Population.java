package io.layernas.core.evolution;

import io.layernas.api.Trial;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The population of regularized evolution: the most recent {@code capacity} members, oldest
 * first. Adding to a full population removes the oldest member (aging), whatever its fitness.
 * Mutable; one per search.
 */
final class Population {
    /** A trial with its fitness (the MNAS reward). */
    record Member(Trial trial, double fitness) {
    }

    private final int capacity;
    private final Deque<Member> members = new ArrayDeque<>();

    Population(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the youngest member; the oldest leaves when the population was full. */
    void add(Trial trial, double fitness) {
        members.addLast(new Member(trial, fitness));
        if (members.size() > capacity) {
            members.removeFirst();
        }
    }

    int size() {
        return members.size();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** The members, oldest first. */
    List<Member> members() {
        return List.copyOf(members);
    }

    /**
     * A tournament: {@code size} members drawn uniformly with replacement (as Real et al. 2019),
     * of which the fittest wins; on ties, the one drawn first.
     */
    Member tournament(int size, SplittableRandom random) {
        List<Member> all = new ArrayList<>(members);
        Member winner = null;
        for (int i = 0; i < size; i++) {
            Member drawn = all.get(random.nextInt(all.size()));
            if (winner == null || drawn.fitness() > winner.fitness()) {
                winner = drawn;
            }
        }
        return winner;
    }
}
