package io.layernas.spaces.mobilenet;

import io.layernas.api.InputShape;

/**
 * The four MobileNet search spaces of the LayerNAS paper (Appendix H, Tables 7, 9, 11 and 13) and
 * a small space for quick real training ({@code mobilenet-mini}). Where a table is ambiguous or
 * disagrees with the paper's Table 1, the choice made is documented in {@code docs/mobilenet.md}
 * and on each factory method. All paper spaces use squeeze-and-excite in every bottleneck and
 * Swish activations, as the paper's SE models do.
 */
public final class PaperSpaces {
    /** Registered name of the 60M MAdds space (Table 7, MobileNetV3-Small-like). */
    public static final String V3_SMALL = "mobilenet-v3-small";
    /** Registered name of the 220M MAdds space (Table 9, MobileNetV3-Large-like). */
    public static final String V3_LARGE = "mobilenet-v3-large";
    /** Registered name of the 300M MAdds space (Table 11, MobileNetV2-like). */
    public static final String V2 = "mobilenet-v2";
    /** Registered name of the 600M MAdds space (Table 13, MobileNetV2-1.4x-like). */
    public static final String V2_14 = "mobilenet-v2-1.4x";
    /** Registered name of the small Fashion-MNIST space. */
    public static final String MINI = "mobilenet-mini";

    /** ImageNet input: 224x224x3, 1001 classes (1000 and background), as the published MobileNets. */
    public static final InputShape IMAGENET = new InputShape(224, 3, 1001);
    /** Fashion-MNIST input: 28x28x1, 10 classes. */
    public static final InputShape FASHION_MNIST = new InputShape(28, 1, 10);

    private static final String ACT = "swish";
    private static final int[] K3 = {3};
    private static final int[] K35 = {3, 5};
    private static final int[] K357 = {3, 5, 7};

    private PaperSpaces() {
    }

    /** The space registered as {@code name}, for {@code input}. */
    public static MobileNetSpace create(String name, InputShape input) {
        return switch (name) {
            case V3_SMALL -> v3Small(input);
            case V3_LARGE -> v3Large(input);
            case V2 -> v2(input);
            case V2_14 -> v2x14(input);
            case MINI -> mini(input);
            default -> throw new IllegalArgumentException("unknown MobileNet space '" + name + "'; spaces are "
                    + java.util.List.of(V3_SMALL, V3_LARGE, V2, V2_14, MINI));
        };
    }

    /** The MAdds target of a paper space: 60M, 220M, 300M or 600M. */
    public static double targetMadds(String spaceName) {
        return switch (spaceName) {
            case V3_SMALL -> 60e6;
            case V3_LARGE -> 220e6;
            case V2 -> 300e6;
            case V2_14 -> 600e6;
            default -> throw new IllegalArgumentException("no MAdds target for space '" + spaceName + "'");
        };
    }

    /**
     * Table 7, 60M MAdds, 17 layers. The expanded option printed as 516 in the last two rows is
     * read as 512 (Table 8 chooses 512, and the list falls in steps of 64 from 1152 to 448).
     */
    public static MobileNetSpace v3Small(InputShape input) {
        int[] e23 = {480, 440, 400, 360, 320, 300, 280, 260, 240, 220, 200, 180, 160};
        int[] e52 = {1152, 1088, 1024, 960, 896, 832, 768, 704, 640, 576, 512, 448};
        int[] e21 = {144, 136, 128, 120, 112, 104, 96, 88, 80, 72, 68, 64, 60, 56};
        return new SpaceBuilder(V3_SMALL, input, ACT, true)
                .stem(3, 16, 2)
                .separableBneck("block1.layer1", 3, 2, 24, 20, 18, 16, 14, 12)
                .blockFilters("block2.filters", 36, 32, 28, 24, 20, 18, 16)
                .bneck("block2.layer1", K35, e21, 2)
                .bneck("block2.layer2", K35, e21, 1)
                .blockFilters("block3.filters", 60, 56, 52, 48, 44, 40, 36, 32, 28)
                .bneck("block3.layer1", K357, new int[] {192, 176, 160, 144, 128, 112, 104, 96, 88, 80, 72, 64}, 2)
                .bneck("block3.layer2", K357, e23, 1)
                .bneck("block3.layer3", K357, e23, 1)
                .blockFilters("block4.filters", 96, 88, 80, 72, 64, 60, 56, 52, 48, 44, 40, 36, 32)
                .bneck("block4.layer1", K357, new int[] {240, 200, 180, 160, 140, 120, 100, 90, 80}, 1)
                .bneck("block4.layer2", K357, new int[] {288, 256, 224, 208, 192, 176, 160, 152, 144, 136, 128, 120}, 1)
                .blockFilters("block5.filters", 192, 176, 160, 144, 128, 120, 112, 104, 96, 88, 80, 72, 64)
                .bneck("block5.layer1", K357, new int[] {576, 544, 512, 480, 448, 416, 384, 352, 320, 288, 256, 224}, 2)
                .bneck("block5.layer2", K357, e52, 1)
                .bneck("block5.layer3", K357, e52, 1)
                .headConv("head.conv", 864, 576)
                .pool()
                .dense("head.dense", 1536, 1024)
                .build();
    }

    /**
     * Table 9, 220M MAdds, 22 layers. The block filter row the table prints without {@code |S|}
     * ({@code block2.filters}) is searched; the row {@code block4.layer2} has the 13 expanded widths
     * the table lists ({@code |S| = 39}, the table says 36); the last bottleneck chooses
     * (output, expanded) pairs with a 3x3 kernel ({@code |S| = 7}); the head conv is fixed at 960.
     */
    public static MobileNetSpace v3Large(InputShape input) {
        int[] e32 = {240, 200, 180, 160, 140, 120, 110, 100, 80};
        int[] e43 = {368, 336, 304, 288, 272, 256, 240, 224, 208, 184, 168, 152};
        int[] e52 = {1344, 1200, 1056, 960, 888, 816, 768, 720, 624, 576, 480};
        int[] e62 = {1920, 1760, 1600, 1440, 1280, 1120, 960, 880, 800, 720, 640};
        return new SpaceBuilder(V3_LARGE, input, ACT, true)
                .stem(3, 16, 2)
                .separableBneck("block1.layer1", 3, 1, 24, 20, 18, 16, 14, 12)
                .blockFilters("block2.filters", 36, 32, 28, 24, 20, 16)
                .bneck("block2.layer1", K35, new int[] {96, 88, 80, 72, 68, 64, 60, 56, 48}, 2)
                .bneck("block2.layer2", K357, new int[] {124, 116, 108, 100, 92, 84, 72, 68, 64, 56, 48}, 1)
                .blockFilters("block3.filters", 64, 56, 52, 48, 44, 40, 36, 32, 24)
                .bneck("block3.layer1", K357, new int[] {128, 120, 112, 104, 96, 88, 80, 76, 72, 64, 56}, 2)
                .bneck("block3.layer2", K357, e32, 1)
                .bneck("block3.layer3", K357, e32, 1)
                .blockFilters("block4.filters", 160, 140, 130, 120, 110, 100, 80, 70, 60)
                .bneck("block4.layer1", K357, new int[] {360, 320, 300, 280, 260, 240, 220, 200, 180, 160}, 2)
                .bneck("block4.layer2", K357,
                        new int[] {400, 360, 340, 320, 300, 280, 260, 240, 220, 200, 180, 160, 120}, 1)
                .bneck("block4.layer3", K357, e43, 1)
                .bneck("block4.layer4", K357, e43, 1)
                .blockFilters("block5.filters", 224, 208, 192, 176, 160, 144, 128, 112, 96, 80)
                .bneck("block5.layer1", K357, new int[] {960, 880, 800, 720, 640, 560, 520, 480, 440, 400, 360}, 1)
                .bneck("block5.layer2", K357, e52, 1)
                .blockFilters("block6.filters", 320, 280, 240, 220, 200, 180, 160, 120, 100)
                .bneck("block6.layer1", K357, e52, 2)
                .bneck("block6.layer2", K357, e62, 1)
                .bneck("block6.layer3", K357, e62, 1)
                .pairedBneck("block7.layer1", K3, LAST_FILTERS, LAST_EXPANDED, 1)
                .headConv("head.conv", 960)
                .pool()
                .dense("head.dense", 1440, 1280)
                .build();
    }

    private static final int[] LAST_FILTERS = {480, 440, 400, 360, 320, 300, 280};
    private static final int[] LAST_EXPANDED = {1728, 1664, 1600, 1536, 1440, 1280, 1216};

    /**
     * Table 11, 300M MAdds, 26 layers. The head's 1x1 convolution ({1920, 1600, 1280}) is applied
     * before pooling, as in MobileNetV2 (see docs/mobilenet.md for why).
     */
    public static MobileNetSpace v2(InputShape input) {
        int[] e21 = {144, 128, 120, 112, 104, 96, 92, 88, 80, 76};
        int[] e32 = {180, 160, 140, 130, 120, 110, 100, 80};
        int[] e4 = {360, 320, 280, 260, 240, 220, 200, 180};
        int[] e52 = {432, 400, 368, 336, 304, 288, 272, 256, 240};
        int[] e6 = {864, 800, 736, 672, 608, 576, 512, 448};
        return new SpaceBuilder(V2, input, ACT, true)
                .stem(3, 32, 2)
                .separableBneck("block1.layer1", 3, 1, 24, 20, 16, 14)
                .blockFilters("block2.filters", 48, 44, 40, 36, 32, 28, 24)
                .bneck("block2.layer1", K35, new int[] {72, 64, 56, 52, 48, 44, 40}, 2)
                .bneck("block2.layer2", K35, e21, 1)
                .bneck("block2.layer3", K35, e21, 1)
                .blockFilters("block3.filters", 60, 56, 52, 48, 44, 40, 36, 32)
                .bneck("block3.layer1", K35, e21, 2)
                .bneck("block3.layer2", K357, e32, 1)
                .bneck("block3.layer3", K357, e32, 1)
                .bneck("block3.layer4", K357, e32, 1)
                .blockFilters("block4.filters", 120, 110, 100, 90, 80, 70, 60)
                .bneck("block4.layer1", K357, e4, 2)
                .bneck("block4.layer2", K357, e4, 1)
                .bneck("block4.layer3", K357, e4, 1)
                .blockFilters("block5.filters", 144, 128, 120, 104, 96, 88, 80, 72)
                .bneck("block5.layer1", K357, e4, 1)
                .bneck("block5.layer2", K357, e52, 1)
                .bneck("block5.layer3", K357, e52, 1)
                .bneck("block5.layer4", K357, e52, 1)
                .blockFilters("block6.filters", 288, 256, 224, 192, 160, 144)
                .bneck("block6.layer1", K357, e6, 2)
                .bneck("block6.layer2", K357, e6, 1)
                .bneck("block6.layer3", K357, e6, 1)
                .bneck("block6.layer4", K357, e6, 1)
                .pairedBneck("block7.layer1", K3, LAST_FILTERS, LAST_EXPANDED, 1)
                .headConv("head.conv", 1920, 1600, 1280)
                .pool()
                .build();
    }

    /**
     * Table 13, 600M MAdds, 31 layers. The last block has five bottlenecks, not the six rows the
     * table prints: Table 1's counts (L = 31, 1.6e39) and the discovered model of Table 14 both
     * have five. The head's 1x1 convolution is applied before pooling, as in {@link #v2}.
     */
    public static MobileNetSpace v2x14(InputShape input) {
        int[] e2 = {88, 80, 72, 64, 56, 52, 48};
        int[] e32 = {240, 220, 200, 180, 160, 140, 130, 120, 100};
        int[] e42 = {560, 520, 480, 440, 400, 360, 320, 280, 240};
        int[] e52 = {560, 528, 496, 464, 432, 400, 368, 336, 304, 288, 272, 256};
        int[] e6 = {992, 928, 864, 800, 736, 672, 608, 576, 512};
        return new SpaceBuilder(V2_14, input, ACT, true)
                .stem(3, 32, 2)
                .separableBneck("block1.layer1", 3, 1, 36, 32, 28, 24, 20, 16)
                .blockFilters("block2.filters", 56, 52, 48, 44, 40, 36, 32, 28)
                .bneck("block2.layer1", K35, e2, 2)
                .bneck("block2.layer2", K35, e2, 1)
                .bneck("block2.layer3", K35, e2, 1)
                .bneck("block2.layer4", K35, e2, 1)
                .blockFilters("block3.filters", 72, 64, 60, 56, 52, 48, 44, 40)
                .bneck("block3.layer1", K35, new int[] {180, 160, 144, 128, 120, 112, 104, 96, 92, 88, 80}, 2)
                .bneck("block3.layer2", K357, e32, 1)
                .bneck("block3.layer3", K357, e32, 1)
                .bneck("block3.layer4", K357, e32, 1)
                .bneck("block3.layer5", K357, e32, 1)
                .blockFilters("block4.filters", 200, 180, 160, 140, 120, 100, 90, 80)
                .bneck("block4.layer1", K357, new int[] {440, 400, 360, 320, 280, 260, 240, 200}, 2)
                .bneck("block4.layer2", K357, e42, 1)
                .bneck("block4.layer3", K357, e42, 1)
                .bneck("block4.layer4", K357, e42, 1)
                .blockFilters("block5.filters", 180, 160, 144, 128, 120, 104, 96, 88, 80)
                .bneck("block5.layer1", K357, e42, 1)
                .bneck("block5.layer2", K357, e52, 1)
                .bneck("block5.layer3", K357, e52, 1)
                .bneck("block5.layer4", K357, e52, 1)
                .bneck("block5.layer5", K357, e52, 1)
                .blockFilters("block6.filters", 320, 288, 256, 224, 192, 160)
                .bneck("block6.layer1", K357, e6, 2)
                .bneck("block6.layer2", K357, e6, 1)
                .bneck("block6.layer3", K357, e6, 1)
                .bneck("block6.layer4", K357, e6, 1)
                .bneck("block6.layer5", K357, e6, 1)
                .pairedBneck("block7.layer1", K357, new int[] {600, 560, 520, 480, 440, 400, 360, 320},
                        new int[] {1920, 1856, 1792, 1728, 1664, 1600, 1536, 1440}, 1)
                .headConv("head.conv", 2560, 2240, 1920)
                .pool()
                .build();
    }

    /**
     * A small space for real training on Fashion-MNIST-sized inputs (default 28x28x1, 10
     * classes): ReLU, no squeeze-and-excite, 8 layers, 20,736 architectures.
     */
    public static MobileNetSpace mini(InputShape input) {
        return new SpaceBuilder(MINI, input, "relu", false)
                .stem(3, 16, 2)
                .blockFilters("block1.filters", 24, 16)
                .bneck("block1.layer1", K35, new int[] {64, 48, 32}, 1)
                .blockFilters("block2.filters", 40, 32, 24)
                .bneck("block2.layer1", K35, new int[] {96, 64}, 2)
                .bneck("block2.layer2", K35, new int[] {96, 64, 48}, 1)
                .blockFilters("block3.filters", 64, 48)
                .bneck("block3.layer1", K35, new int[] {160, 128, 96}, 2)
                .headConv("head.conv", 256, 128)
                .pool()
                .build();
    }
}
