package io.layernas.core.tpe;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The architectures TPE may suggest: those whose cost is inside the target. Unconstrained, every
 * one. When the space has at most {@link #ENUMERATION_LIMIT} architectures, each is priced once
 * and the feasible ones are listed, so a check is a bit lookup and a feasible architecture can be
 * drawn directly; otherwise a check asks the cost model. Immutable; owned by one search.
 */
final class Feasible {
    /** Spaces up to this many architectures are enumerated (nats-tss has 15,625, nats-sss 32,768). */
    static final int ENUMERATION_LIMIT = 1 << 20;

    private final CostModel costs;
    private final TargetRange target;
    private final int[] sizes;
    private final boolean all;
    private final BitSet members;
    private final int[] listed;

    private Feasible(CostModel costs, TargetRange target, int[] sizes, boolean all, BitSet members, int[] listed) {
        this.costs = costs;
        this.target = target;
        this.sizes = sizes;
        this.all = all;
        this.members = members;
        this.listed = listed;
    }

    /** The feasible set of {@code space} under {@code target}, enumerated when the space is small enough. */
    static Feasible of(SearchSpace space, CostModel costs, TargetRange target) {
        return of(space, costs, target, ENUMERATION_LIMIT);
    }

    /** As {@link #of(SearchSpace, CostModel, TargetRange)}, enumerating spaces of at most {@code limit} architectures. */
    static Feasible of(SearchSpace space, CostModel costs, TargetRange target, double limit) {
        int[] sizes = space.layers().stream().mapToInt(layer -> layer.size()).toArray();
        if (target.isUnconstrained()) {
            return new Feasible(costs, target, sizes, true, null, null);
        }
        if (space.architectureCount() > limit) {
            return new Feasible(costs, target, sizes, false, null, null);
        }
        int count = (int) space.architectureCount();
        BitSet members = new BitSet(count);
        int[] choices = new int[sizes.length];
        for (int index = 0; index < count; index++) {
            decode(index, sizes, choices);
            if (target.contains(costs.cost(Architecture.of(choices)))) {
                members.set(index);
            }
        }
        boolean all = members.cardinality() == count;
        return new Feasible(costs, target, sizes, all, members, all ? null : members.stream().toArray());
    }

    /** True when every architecture is feasible: TPE is then Optuna's, unchanged. */
    boolean all() {
        return all;
    }

    /** True when the feasible architectures are listed (and {@link #count()} and {@link #get} work). */
    boolean enumerated() {
        return listed != null;
    }

    /** Number of feasible architectures; only when {@link #enumerated()}. */
    int count() {
        return listed.length;
    }

    /** The choices of the {@code i}-th feasible architecture; only when {@link #enumerated()}. */
    int[] get(int i) {
        int[] choices = new int[sizes.length];
        decode(listed[i], sizes, choices);
        return choices;
    }

    /** True when the architecture of these choices is inside the target. */
    boolean contains(int[] choices) {
        if (all) {
            return true;
        }
        if (members != null) {
            return members.get(encode(choices));
        }
        return target.contains(costs.cost(Architecture.of(choices)));
    }

    /**
     * A uniformly drawn architecture: from the feasible list when enumerated, else the first
     * feasible of up to {@code tries} uniform draws (or the last draw, infeasible, when none was).
     */
    int[] uniform(SplittableRandom random, int tries) {
        if (enumerated()) {
            return get(random.nextInt(listed.length));
        }
        int[] choices = new int[sizes.length];
        for (int t = 0; t < tries; t++) {
            for (int layer = 0; layer < sizes.length; layer++) {
                choices[layer] = random.nextInt(sizes[layer]);
            }
            if (contains(choices)) {
                break;
            }
        }
        return choices;
    }

    private int encode(int[] choices) {
        int index = 0;
        for (int layer = 0; layer < sizes.length; layer++) {
            index = index * sizes[layer] + choices[layer];
        }
        return index;
    }

    /** Mixed radix, the last layer fastest. */
    private static void decode(int index, int[] sizes, int[] choices) {
        for (int layer = sizes.length - 1; layer >= 0; layer--) {
            choices[layer] = index % sizes[layer];
            index /= sizes[layer];
        }
    }
}
