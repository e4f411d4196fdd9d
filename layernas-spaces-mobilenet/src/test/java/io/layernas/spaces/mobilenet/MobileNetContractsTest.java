package io.layernas.spaces.mobilenet;

import static org.junit.jupiter.api.Named.named;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every MobileNet space and its MAdds and params models pass the API contracts. */
class MobileNetContractsTest {

    static Stream<Arguments> spaces() {
        return Stream.of(PaperSpaces.v3Small(PaperSpaces.IMAGENET), PaperSpaces.v3Large(PaperSpaces.IMAGENET),
                PaperSpaces.v2(PaperSpaces.IMAGENET), PaperSpaces.v2x14(PaperSpaces.IMAGENET),
                PaperSpaces.mini(PaperSpaces.FASHION_MNIST)).map(space -> Arguments.of(named(space.name(), space)));
    }

    static Stream<Arguments> models() {
        MobileNetSpace v2x14 = PaperSpaces.v2x14(PaperSpaces.IMAGENET);
        MobileNetSpace v3Small = PaperSpaces.v3Small(PaperSpaces.IMAGENET);
        return Stream.of(madds(v3Small), madds(PaperSpaces.v3Large(PaperSpaces.IMAGENET)),
                madds(PaperSpaces.v2(PaperSpaces.IMAGENET)), madds(v2x14), params(v2x14), params(v3Small),
                madds(PaperSpaces.mini(PaperSpaces.FASHION_MNIST)));
    }

    private static Arguments madds(MobileNetSpace space) {
        return Arguments.of(named(space.name(), space), named("madds", NetworkCostModel.madds(space)));
    }

    private static Arguments params(MobileNetSpace space) {
        return Arguments.of(named(space.name(), space), named("params", NetworkCostModel.params(space)));
    }

    @Nested
    @ParameterizedClass(name = "{0}")
    @MethodSource("io.layernas.spaces.mobilenet.MobileNetContractsTest#spaces")
    class Spaces extends SearchSpaceContract {
        Spaces(SearchSpace space) {
            super(space);
        }
    }

    @Nested
    @ParameterizedClass(name = "{0} {1}")
    @MethodSource("io.layernas.spaces.mobilenet.MobileNetContractsTest#models")
    class CostModels extends CostModelContract {
        CostModels(SearchSpace space, CostModel model) {
            super(space, model);
        }
    }
}
