package io.layernas.spaces.mobilenet;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceContract;
import org.junit.jupiter.api.Nested;

/** Every MobileNet space and its MAdds and params models pass the API contracts. */
class MobileNetContractsTest {

    @Nested
    class V3SmallSpace extends SearchSpaceContract {
        @Override
        protected SearchSpace space() {
            return PaperSpaces.v3Small(PaperSpaces.IMAGENET);
        }
    }

    @Nested
    class V3LargeSpace extends SearchSpaceContract {
        @Override
        protected SearchSpace space() {
            return PaperSpaces.v3Large(PaperSpaces.IMAGENET);
        }
    }

    @Nested
    class V2Space extends SearchSpaceContract {
        @Override
        protected SearchSpace space() {
            return PaperSpaces.v2(PaperSpaces.IMAGENET);
        }
    }

    @Nested
    class V2x14Space extends SearchSpaceContract {
        @Override
        protected SearchSpace space() {
            return PaperSpaces.v2x14(PaperSpaces.IMAGENET);
        }
    }

    @Nested
    class MiniSpace extends SearchSpaceContract {
        @Override
        protected SearchSpace space() {
            return PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
        }
    }

    @Nested
    class V3SmallMadds extends Priced {
        V3SmallMadds() {
            super(PaperSpaces.v3Small(PaperSpaces.IMAGENET), true);
        }
    }

    @Nested
    class V3LargeMadds extends Priced {
        V3LargeMadds() {
            super(PaperSpaces.v3Large(PaperSpaces.IMAGENET), true);
        }
    }

    @Nested
    class V2Madds extends Priced {
        V2Madds() {
            super(PaperSpaces.v2(PaperSpaces.IMAGENET), true);
        }
    }

    @Nested
    class V2x14Madds extends Priced {
        V2x14Madds() {
            super(PaperSpaces.v2x14(PaperSpaces.IMAGENET), true);
        }
    }

    @Nested
    class V2x14Params extends Priced {
        V2x14Params() {
            super(PaperSpaces.v2x14(PaperSpaces.IMAGENET), false);
        }
    }

    @Nested
    class V3SmallParams extends Priced {
        V3SmallParams() {
            super(PaperSpaces.v3Small(PaperSpaces.IMAGENET), false);
        }
    }

    @Nested
    class MiniMadds extends Priced {
        MiniMadds() {
            super(PaperSpaces.mini(PaperSpaces.FASHION_MNIST), true);
        }
    }

    /** A cost model contract for one space and measure. */
    abstract static class Priced extends CostModelContract {
        private final MobileNetSpace space;
        private final CostModel model;

        Priced(MobileNetSpace space, boolean madds) {
            this.space = space;
            this.model = madds ? NetworkCostModel.madds(space) : NetworkCostModel.params(space);
        }

        @Override
        protected SearchSpace space() {
            return space;
        }

        @Override
        protected CostModel costModel() {
            return model;
        }
    }
}
