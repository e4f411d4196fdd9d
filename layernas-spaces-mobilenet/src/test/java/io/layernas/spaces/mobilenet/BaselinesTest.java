package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published baselines cost what their authors publish.
 *
 * <p>Sources: the TensorFlow-Slim MobileNet README (tensorflow/models,
 * research/slim/nets/mobilenet/README.md) lists mobilenet_v2_1.0_224 at 300M MACs and 3.47M
 * parameters, mobilenet_v2_1.4_224 at 582M and 6.06M, mobilenet_v2_1.0_160 at 154M, and
 * MobileNetV3-Large dm=1 at 217M MACs and 5.4M parameters. MobileNetV3-Small 1.0 is 56M MAdds and
 * 2.5M parameters in Howard et al. (2019), Table 3, and in the LayerNAS paper's Table 2 (the Slim
 * README lists its Small checkpoint at 66M / 2.9M, which our count of the published architecture
 * does not reproduce); Howard et al. give 219M / 5.4M for V3-Large.
 */
class BaselinesTest {
    private static final InputShape IMAGENET = PaperSpaces.IMAGENET;

    @Test
    void mobileNetV2MatchesTheModelZoo() {
        assertTotals(Baselines.mobileNetV2(1.0, IMAGENET), 300e6, 0.005, 3.47e6, 0.005);
    }

    @Test
    void mobileNetV2WidthOnePointFourMatchesTheModelZoo() {
        assertTotals(Baselines.mobileNetV2(1.4, IMAGENET), 582e6, 0.005, 6.06e6, 0.005);
    }

    @Test
    void mobileNetV3LargeMatchesTheModelZoo() {
        // 216.6M MAdds rounds to the published 217M; 5.46M params to the published 5.4M (within 1.5%).
        assertTotals(Baselines.mobileNetV3Large(IMAGENET), 217e6, 0.005, 5.4e6, 0.015);
    }

    @Test
    void mobileNetV3SmallMatchesTheModelZoo() {
        assertTotals(Baselines.mobileNetV3Small(IMAGENET), 56e6, 0.015, 2.5e6, 0.015);
    }

    @Test
    void exactCountsPinTheConventions() {
        // Exact totals under the documented conventions (no BN, SE with bias, dense with bias).
        assertThat(total(Baselines.mobileNetV2(1.0, IMAGENET), true)).isEqualTo(300_775_552L);
        assertThat(total(Baselines.mobileNetV2(1.0, IMAGENET), false)).isEqualTo(3_472_041L);
        assertThat(total(Baselines.mobileNetV3Small(IMAGENET), true)).isEqualTo(56_511_424L);
        assertThat(total(Baselines.mobileNetV3Large(IMAGENET), false)).isEqualTo(5_459_913L);
    }

    @Test
    void countsScaleWithResolutionAndClasses() {
        List<Op> at224 = Baselines.mobileNetV2(1.0, IMAGENET);
        List<Op> at160 = Baselines.mobileNetV2(1.0, new InputShape(160, 3, 1001));
        List<Op> tenClasses = Baselines.mobileNetV2(1.0, new InputShape(224, 3, 10));
        // The zoo lists mobilenet_v2_1.0_160 at 154M MACs.
        assertThat(total(at160, true) / 1e6).isCloseTo(154, within(1.5));
        assertThat(total(at224, false) - total(tenClasses, false)).isEqualTo(1280L * 991 + 991);
    }

    @Test
    void unknownBaselineNamesTheKnownOnes() {
        assertThatThrownBy(() -> Baselines.network("mobilenet-v4", IMAGENET))
                .hasMessageContaining("mobilenet-v4").hasMessageContaining("mobilenet-v2-1.0");
        assertThat(Baselines.all(IMAGENET)).containsOnlyKeys(Baselines.NAMES);
    }

    private static void assertTotals(List<Op> ops, double madds, double maddsTolerance, double params,
                                     double paramsTolerance) {
        assertThat((double) total(ops, true)).isCloseTo(madds, within(madds * maddsTolerance));
        assertThat((double) total(ops, false)).isCloseTo(params, within(params * paramsTolerance));
    }

    static long total(List<Op> ops, boolean madds) {
        return ops.stream().mapToLong(op -> madds ? OpCounter.madds(op) : OpCounter.params(op)).sum();
    }
}
