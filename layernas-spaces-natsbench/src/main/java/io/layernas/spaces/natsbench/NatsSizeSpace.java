package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * NATS-Bench size search ({@code nats-sss}): the 5 widths of a small cell network, each from
 * {8, 16, ..., 64}, 32768 architectures. As in the paper (Appendix C.2), option 0 of every layer
 * is 64 channels, so the default architecture is the largest model, and options go from most to
 * least cost. Architectures print as NATS-Bench does, {@code 64:48:64:24:64}.
 *
 * <p>The network is NATS-Bench's {@code DynamicShapeTinyNet} with one cell per stage and the fixed
 * cell {@link CellGenotype#SIZE_SEARCH_CELL}. Immutable and thread-safe.
 */
public final class NatsSizeSpace extends AbstractNatsSpace {
    /** Registered name. */
    public static final String NAME = "nats-sss";
    /** The widths, from most to least cost. */
    public static final List<Integer> WIDTHS = List.of(64, 56, 48, 40, 32, 24, 16, 8);
    /** Number of layers. */
    public static final int LAYERS = 5;

    /** The space for {@code dataset}. */
    public NatsSizeSpace(NatsDataset dataset) {
        super(NAME, dataset, widthLayers());
    }

    private static List<Layer> widthLayers() {
        List<String> options = WIDTHS.stream().map(String::valueOf).toList();
        List<Layer> list = new ArrayList<>();
        for (int i = 1; i <= LAYERS; i++) {
            list.add(new Layer("layer" + i + ".channels", options));
        }
        return list;
    }

    /** The 5 widths of {@code architecture}, in channels. */
    public int[] channels(Architecture architecture) {
        validate(architecture);
        int[] channels = new int[LAYERS];
        for (int i = 0; i < LAYERS; i++) {
            channels[i] = WIDTHS.get(architecture.choice(i));
        }
        return channels;
    }

    @Override
    public List<Op> network(Architecture architecture) {
        return NatsNetworks.build(input(), channels(architecture), CellGenotype.SIZE_SEARCH_CELL);
    }

    /** The official form {@code 64:48:64:24:64}. */
    @Override
    public String tableKey(Architecture architecture) {
        return format(architecture);
    }

    /** NATS-Bench's index, {@code sum_i (c_i / 8 - 1) * 8^(4 - i)}: 8:8:8:8:8 is 0, 64:64:64:64:64 is 32767. */
    @Override
    public OptionalLong officialIndex(Architecture architecture) {
        long index = 0;
        for (int width : channels(architecture)) {
            index = index * 8 + (width / 8 - 1);
        }
        return OptionalLong.of(index);
    }

    /**
     * The architecture with NATS-Bench index {@code index}.
     *
     * @throws IllegalArgumentException when the index is outside 0..32767
     */
    public Architecture fromOfficialIndex(long index) {
        if (index < 0 || index >= 1L << (3 * LAYERS)) {
            throw new IllegalArgumentException("NATS-Bench size index " + index + " is outside 0..32767");
        }
        int[] choices = new int[LAYERS];
        long rest = index;
        for (int i = LAYERS - 1; i >= 0; i--) {
            int width = (int) (rest % 8 + 1) * 8;
            choices[i] = WIDTHS.indexOf(width);
            rest /= 8;
        }
        return Architecture.of(choices);
    }
}
