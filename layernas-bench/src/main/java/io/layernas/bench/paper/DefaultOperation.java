package io.layernas.bench.paper;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The NATS-Bench topology space with another operation as every edge's default: the options of each
 * layer renumbered so that option 0 puts {@code operation} on every edge, the rest in their
 * original order. Only the numbering changes, so the cells, costs and accuracies are the same; it
 * changes what LayerNAS starts from (the default architecture), and nothing for the baselines,
 * which draw options uniformly. Immutable.
 *
 * @param space     the renumbered space
 * @param costModel the original cost model, read through the renumbering
 * @param evaluator the original evaluator, read through the renumbering
 */
public record DefaultOperation(SearchSpace space, CostModel costModel, Evaluator evaluator) {
    /** Operations per edge of a NAS-Bench-201 cell. */
    private static final int OPERATIONS = 5;

    /**
     * Renumbers {@code original} (whose layer sizes are powers of 5, one base-5 digit per edge, as
     * {@code nats-tss}) so that {@code operationIndex} (an index into the edge operations) comes first.
     */
    public static DefaultOperation of(SearchSpace original, CostModel cost, Evaluator evaluator, int operationIndex) {
        if (operationIndex < 0 || operationIndex >= OPERATIONS) {
            throw new IllegalArgumentException("operation index " + operationIndex + " is not in 0.." + (OPERATIONS - 1));
        }
        int[][] toOriginal = new int[original.layerCount()][];
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < original.layerCount(); l++) {
            Layer layer = original.layers().get(l);
            if (!isPowerOfFive(layer.size())) {
                throw new IllegalArgumentException("layer '" + layer.name() + "' has " + layer.size()
                        + " options, not a power of 5: it is not a layer of the NATS-Bench topology space");
            }
            toOriginal[l] = new int[layer.size()];
            List<String> names = new ArrayList<>();
            for (int option = 0; option < layer.size(); option++) {
                toOriginal[l][option] = renumber(option, layer.size(), operationIndex);
                names.add(layer.options().get(toOriginal[l][option]));
            }
            layers.add(new Layer(layer.name(), names, layer.virtual()));
        }
        String name = original.name() + "-default-op-" + operationIndex;
        SearchSpace space = new AbstractSearchSpace(name, layers) {
            /** The original space's form, e.g. the official cell string. */
            @Override
            public String format(Architecture architecture) {
                validate(architecture);
                return original.format(map(architecture, toOriginal));
            }
        };
        return new DefaultOperation(space, costModel(cost, toOriginal), request -> evaluator.evaluate(
                new EvaluationRequest(original, map(request.architecture(), toOriginal), request.trialIndex(),
                        request.seed(), request.attempt())));
    }

    private static boolean isPowerOfFive(int n) {
        int value = n;
        while (value > 1 && value % OPERATIONS == 0) {
            value /= OPERATIONS;
        }
        return value == 1 && n > 1;
    }

    /** Each base-5 digit d of {@code option} becomes the d-th operation of the order "chosen first". */
    private static int renumber(int option, int size, int operationIndex) {
        int original = 0;
        for (int scale = size / OPERATIONS; scale >= 1; scale /= OPERATIONS) {
            int digit = option / scale % OPERATIONS;
            int operation = digit == 0 ? operationIndex : (digit <= operationIndex ? digit - 1 : digit);
            original += operation * scale;
        }
        return original;
    }

    private static Architecture map(Architecture architecture, int[][] toOriginal) {
        int[] choices = new int[architecture.size()];
        for (int l = 0; l < choices.length; l++) {
            choices[l] = toOriginal[l][architecture.choice(l)];
        }
        return Architecture.of(choices);
    }

    private static CostModel costModel(CostModel cost, int[][] toOriginal) {
        return new CostModel() {
            @Override
            public double cost(Architecture architecture) {
                return cost.cost(map(architecture, toOriginal));
            }

            @Override
            public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
                // The renumbering is a bijection per layer, so the free layers reach the same set.
                return cost.range(map(architecture, toOriginal), freeFrom, freeTo);
            }

            @Override
            public String unit() {
                return cost.unit();
            }
        };
    }

    /** For tests: the metrics of {@code architecture} of the renumbered space. */
    Metrics evaluate(Architecture architecture) throws Exception {
        return evaluator.evaluate(new EvaluationRequest(space, architecture, 0, 0, 1));
    }
}
