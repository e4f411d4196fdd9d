package io.layernas.spaces.mobilenet;

import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds a {@link MobileNetSpace} row by row, as the paper's search-space tables read (Tables 7,
 * 9, 11, 13): a stem, bottlenecks whose output width is shared by the block ("block filter"
 * virtual layers, Appendix E.3), and a head. Each call adds the searchable layer(s) of one row;
 * a row with a single value is fixed and adds no layer.
 *
 * <p>Option 0 of every layer is its largest option: widths are listed in decreasing order, and a
 * bottleneck's options run over expanded widths (outer, decreasing) and kernels (inner, decreasing).
 * Not thread-safe; the space it builds is immutable.
 */
public final class SpaceBuilder {
    private final String name;
    private final InputShape input;
    private final String activation;
    private final boolean squeezeExcite;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final List<SpaceRow> rows = new ArrayList<>();
    private int size;
    private Source current;
    private Source block;

    /**
     * @param name          the space's short name
     * @param input         input resolution, channels and classes
     * @param activation    activation of every layer but the classifier, e.g. {@code swish}
     * @param squeezeExcite whether every bottleneck has a squeeze-and-excite block
     */
    public SpaceBuilder(String name, InputShape input, String activation, boolean squeezeExcite) {
        this.name = name;
        this.input = input;
        this.activation = activation;
        this.squeezeExcite = squeezeExcite;
        this.size = input.size();
        this.current = Source.fixed(input.channels());
    }

    /** The stem: a fixed {@code kernel x kernel} convolution. */
    public SpaceBuilder stem(int kernel, int filters, int stride) {
        Source in = current;
        int at = size;
        addSlot("stem", in, -1, Source.fixed(filters),
                (i, o, u) -> Ops.conv(at, in.channels(i), filters, kernel, stride, activation));
        rows.add(new SpaceRow("stem", "conv2d " + kernel + "x" + kernel, String.valueOf(filters), "", stride, 1));
        size = ceilDiv(size, stride);
        current = Source.fixed(filters);
        return this;
    }

    /** A bottleneck without expansion (depthwise-separable) whose output width is searched; it forms its own block. */
    public SpaceBuilder separableBneck(String layerName, int kernel, int stride, int... filters) {
        Source in = current;
        Source out = addLayer(layerName, filters, false, labels(filters));
        int at = size;
        addSlot(layerName, in, -1, out, (i, o, u) -> Ops.bneck(at, in.channels(i), in.channels(i),
                out.channels(u), kernel, stride, squeezeExcite, activation));
        rows.add(new SpaceRow(layerName, "bneck " + kernel + "x" + kernel, set(filters), "", stride, filters.length));
        current = out;
        block = out;
        size = ceilDiv(size, stride);
        return this;
    }

    /** A virtual layer choosing the output width shared by the next bottlenecks (until the next block). */
    public SpaceBuilder blockFilters(String layerName, int... filters) {
        block = addLayer(layerName, filters, true, labels(filters));
        rows.add(new SpaceRow(layerName, "block filter", set(filters), "", 0, filters.length));
        return this;
    }

    /** A bottleneck of the current block: kernel and expanded width searched, output = block filters. */
    public SpaceBuilder bneck(String layerName, int[] kernels, int[] expanded, int stride) {
        if (block == null) {
            throw new IllegalStateException("bottleneck " + layerName + " has no block width: call blockFilters(...) "
                    + "or separableBneck(...) before it");
        }
        int[] ks = descending(kernels);
        List<String> options = new ArrayList<>();
        for (int e : expanded) {
            for (int k : ks) {
                options.add("k" + k + "e" + e);
            }
        }
        int own = layers.size();
        layers.add(new Layer(layerName, options));
        Source in = current;
        Source out = block;
        int at = size;
        addSlot(layerName, in, own, out, (i, o, u) -> Ops.bneck(at, in.channels(i), expanded[o / ks.length],
                out.channels(u), ks[o % ks.length], stride, squeezeExcite, activation));
        rows.add(new SpaceRow(layerName, "bneck " + kernelSet(ks), "", set(expanded), stride, options.size()));
        current = out;
        size = ceilDiv(size, stride);
        return this;
    }

    /** A bottleneck forming its own block whose output and expanded widths are chosen as pairs, with kernels. */
    public SpaceBuilder pairedBneck(String layerName, int[] kernels, int[] filters, int[] expanded, int stride) {
        if (filters.length != expanded.length) {
            throw new IllegalArgumentException(layerName + ": " + filters.length + " output widths but "
                    + expanded.length + " expanded widths; they are chosen in pairs");
        }
        int[] ks = descending(kernels);
        List<String> options = new ArrayList<>();
        int[] outs = new int[filters.length * ks.length];
        for (int p = 0; p < filters.length; p++) {
            for (int k = 0; k < ks.length; k++) {
                options.add((ks.length > 1 ? "k" + ks[k] : "") + "o" + filters[p] + "e" + expanded[p]);
                outs[p * ks.length + k] = filters[p];
            }
        }
        Source in = current;
        Source out = addLayer(layerName, outs, false, options);
        int at = size;
        addSlot(layerName, in, -1, out, (i, o, u) -> Ops.bneck(at, in.channels(i), expanded[u / ks.length],
                filters[u / ks.length], ks[u % ks.length], stride, squeezeExcite, activation));
        rows.add(new SpaceRow(layerName, "bneck " + kernelSet(ks), set(filters), set(expanded), stride, options.size()));
        current = out;
        block = out;
        size = ceilDiv(size, stride);
        return this;
    }

    /** A 1x1 convolution on the last feature map; searched when given several widths. */
    public SpaceBuilder headConv(String layerName, int... filters) {
        Source in = current;
        Source out = filters.length == 1 ? Source.fixed(filters[0]) : addLayer(layerName, filters, false, labels(filters));
        int at = size;
        addSlot(layerName, in, -1, out, (i, o, u) -> Ops.conv(at, in.channels(i), out.channels(u), 1, 1, activation));
        rows.add(new SpaceRow(layerName, "conv2d 1x1", set(filters), "", 1, filters.length));
        current = out;
        return this;
    }

    /** Global average pooling. */
    public SpaceBuilder pool() {
        Source in = current;
        int at = size;
        addSlot("pool", in, -1, in, (i, o, u) -> Ops.pool(at, in.channels(i)));
        rows.add(new SpaceRow("pool", "pool, " + at + "x" + at, "", "", 1, 1));
        size = 1;
        return this;
    }

    /** A fully connected layer with bias after pooling; searched when given several widths. */
    public SpaceBuilder dense(String layerName, int... widths) {
        Source in = current;
        Source out = widths.length == 1 ? Source.fixed(widths[0]) : addLayer(layerName, widths, false, labels(widths));
        addSlot(layerName, in, -1, out, (i, o, u) -> Ops.dense(in.channels(i), out.channels(u), activation));
        rows.add(new SpaceRow(layerName, "dense", set(widths), "", 1, widths.length));
        current = out;
        return this;
    }

    /** Adds the classifier (a dense layer to the input's classes, no activation) and builds the space. */
    public MobileNetSpace build() {
        Source in = current;
        addSlot("classifier", in, -1, Source.fixed(input.classes()),
                (i, o, u) -> Ops.dense(in.channels(i), input.classes(), "none"));
        rows.add(new SpaceRow("classifier", "dense", String.valueOf(input.classes()), "", 1, 1));
        return new MobileNetSpace(name, input, layers, slots, rows);
    }

    private Source addLayer(String layerName, int[] widths, boolean virtual, List<String> options) {
        int index = layers.size();
        layers.add(new Layer(layerName, options, virtual));
        return new Source(index, widths.clone());
    }

    private void addSlot(String slotName, Source in, int own, Source out, Slot.Factory factory) {
        slots.add(new Slot(slotName, in.layer(), own, out.layer(), factory));
    }

    private static List<String> labels(int[] widths) {
        return Arrays.stream(widths).mapToObj(String::valueOf).toList();
    }

    private static String set(int[] values) {
        return values.length == 1 ? String.valueOf(values[0])
                : Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String kernelSet(int[] kernels) {
        String list = IntStream.of(kernels).sorted().mapToObj(k -> k + "x" + k).collect(Collectors.joining(", "));
        return kernels.length == 1 ? list : "{" + list + "}";
    }

    private static int[] descending(int[] values) {
        return IntStream.of(values).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** Where a tensor's width comes from: a layer's choice or a fixed value. */
    private record Source(int layer, int[] widths) {
        static Source fixed(int width) {
            return new Source(-1, new int[] {width});
        }

        int channels(int choice) {
            return widths[choice];
        }
    }
}
