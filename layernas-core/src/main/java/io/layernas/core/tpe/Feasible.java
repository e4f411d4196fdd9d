package io.layernas.core.tpe;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What TPE may still suggest under a target: the architectures inside it that it has not
 * suggested yet. Unconstrained, every architecture, always (Optuna's behaviour: a known one is
 * suggested and told again). When the space has at most {@link #ENUMERATION_LIMIT}
 * architectures, each is priced once and the open ones are a bit set, so a check is a bit
 * lookup and an open architecture can be drawn directly; otherwise a check asks the cost model
 * and a set of the suggested ones. Owned by one search; not thread-safe.
 */
final class Feasible {
    /** Spaces up to this many architectures are enumerated (nats-tss has 15,625, nats-sss 32,768). */
    static final int ENUMERATION_LIMIT = 1 << 20;

    private final CostModel costs;
    private final TargetRange target;
    private final int[] sizes;
    private final boolean all;
    private final BitSet members;
    private final BitSet open;
    private final int[] listed;
    private final Set<Architecture> suggested = new HashSet<>();
    private int remaining;

    private Feasible(CostModel costs, TargetRange target, int[] sizes, boolean all, BitSet members) {
        this.costs = costs;
        this.target = target;
        this.sizes = sizes;
        this.all = all;
        this.members = members;
        this.open = members == null ? null : (BitSet) members.clone();
        this.listed = members == null ? null : members.stream().toArray();
        this.remaining = listed == null ? -1 : listed.length;
    }

    /** The feasible set of {@code space} under {@code target}, enumerated when the space is small enough. */
    static Feasible of(SearchSpace space, CostModel costs, TargetRange target) {
        return of(space, costs, target, ENUMERATION_LIMIT);
    }

    /** As {@link #of(SearchSpace, CostModel, TargetRange)}, enumerating spaces of at most {@code limit} architectures. */
    static Feasible of(SearchSpace space, CostModel costs, TargetRange target, double limit) {
        int[] sizes = space.layers().stream().mapToInt(layer -> layer.size()).toArray();
        if (target.isUnconstrained()) {
            return new Feasible(costs, target, sizes, true, null);
        }
        if (space.architectureCount() > limit) {
            return new Feasible(costs, target, sizes, false, null);
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
        return new Feasible(costs, target, sizes, all, all ? null : members);
    }

    /** True when every architecture is feasible: TPE is then Optuna's, unchanged. */
    boolean all() {
        return all;
    }

    /** True when the feasible architectures are listed (and {@link #listed()} and {@link #get} work). */
    boolean enumerated() {
        return listed != null;
    }

    /** Number of feasible architectures, suggested or not; only when {@link #enumerated()}. */
    int listed() {
        return listed.length;
    }

    /** Feasible architectures not suggested yet; only when {@link #enumerated()}. */
    int remaining() {
        return remaining;
    }

    /** The choices of the {@code i}-th feasible architecture; only when {@link #enumerated()}. */
    int[] get(int i) {
        int[] choices = new int[sizes.length];
        decode(listed[i], sizes, choices);
        return choices;
    }

    /** True when the {@code i}-th feasible architecture has not been suggested; only when {@link #enumerated()}. */
    boolean isOpen(int i) {
        return open.get(listed[i]);
    }

    /** True when the architecture of these choices is inside the target. */
    boolean contains(int[] choices) {
        if (all) {
            return true;
        }
        if (listed != null) {
            return members.get(encode(choices));
        }
        return target.contains(costs.cost(Architecture.of(choices)));
    }

    /** True when the architecture is inside the target and was not suggested yet (always true unconstrained). */
    boolean isOpen(int[] choices) {
        if (all) {
            return true;
        }
        if (listed != null) {
            return open.get(encode(choices));
        }
        return !suggested.contains(Architecture.of(choices)) && contains(choices);
    }

    /** Records that TPE suggested (and the run trained or knew) this feasible architecture. */
    void suggested(Architecture architecture) {
        if (all) {
            return;
        }
        if (listed == null) {
            suggested.add(architecture);
            return;
        }
        int index = encode(architecture.choices());
        if (open.get(index)) {
            open.clear(index);
            remaining--;
        }
    }

    /**
     * A uniformly drawn open architecture: from the list when enumerated, else the first open one
     * of up to {@code tries} uniform draws (or the last draw when none was).
     */
    int[] uniform(SplittableRandom random, int tries) {
        if (enumerated()) {
            for (int t = 0; t < tries; t++) {
                int i = random.nextInt(listed.length);
                if (isOpen(i)) {
                    return get(i);
                }
            }
            // Mostly suggested already: the next open one after a random feasible one.
            int index = open.nextSetBit(listed[random.nextInt(listed.length)]);
            int[] choices = new int[sizes.length];
            decode(index >= 0 ? index : Math.max(0, open.nextSetBit(0)), sizes, choices);
            return choices;
        }
        int[] choices = new int[sizes.length];
        for (int t = 0; t < tries; t++) {
            for (int layer = 0; layer < sizes.length; layer++) {
                choices[layer] = random.nextInt(sizes[layer]);
            }
            if (isOpen(choices)) {
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
