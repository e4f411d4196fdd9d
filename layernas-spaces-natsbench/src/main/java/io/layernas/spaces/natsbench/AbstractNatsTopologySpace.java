package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the encodings of the NATS-Bench topology cell share: an architecture is a {@link CellGenotype},
 * printed, parsed and keyed by the official cell string, and built as NATS-Bench's {@code TinyNetwork}
 * with C = 16, N = 5. Immutable and thread-safe.
 */
abstract class AbstractNatsTopologySpace extends AbstractNatsSpace {
    private static final int[] CHANNELS = channels(16, 5);

    AbstractNatsTopologySpace(String name, NatsDataset dataset, List<Layer> layers) {
        super(name, dataset, layers);
    }

    /** The cell of {@code architecture}. */
    public abstract CellGenotype genotype(Architecture architecture);

    /** The architecture of {@code genotype}. */
    public abstract Architecture architecture(CellGenotype genotype);

    /** The official cell string. */
    @Override
    public String format(Architecture architecture) {
        return genotype(architecture).toString();
    }

    /** Reads the official cell string, or the index form {@code a-b-c...}, or option names joined by ':'. */
    @Override
    public Architecture parse(String text) {
        if (text.trim().startsWith("|")) {
            return architecture(CellGenotype.parse(text));
        }
        return super.parse(text);
    }

    @Override
    public List<Op> network(Architecture architecture) {
        return NatsNetworks.build(input(), CHANNELS, genotype(architecture));
    }

    /** The official cell string. */
    @Override
    public String tableKey(Architecture architecture) {
        return format(architecture);
    }

    private static int[] channels(int base, int perStage) {
        List<Integer> list = new ArrayList<>();
        list.addAll(Collections.nCopies(perStage, base));
        list.addAll(Collections.nCopies(perStage + 1, 2 * base));
        list.addAll(Collections.nCopies(perStage + 1, 4 * base));
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
