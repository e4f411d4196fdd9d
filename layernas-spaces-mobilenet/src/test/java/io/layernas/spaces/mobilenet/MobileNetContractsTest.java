package io.layernas.spaces.mobilenet;

import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpaceContract;
import org.junit.jupiter.api.Nested;

/** Every MobileNet space and its MAdds and params models pass the API contracts. */
class MobileNetContractsTest {

    @Nested
    class V3SmallSpace extends SearchSpaceContract {
        V3SmallSpace() {
            super(PaperSpaces.v3Small(PaperSpaces.IMAGENET));
        }
    }

    @Nested
    class V3LargeSpace extends SearchSpaceContract {
        V3LargeSpace() {
            super(PaperSpaces.v3Large(PaperSpaces.IMAGENET));
        }
    }

    @Nested
    class V2Space extends SearchSpaceContract {
        V2Space() {
            super(PaperSpaces.v2(PaperSpaces.IMAGENET));
        }
    }

    @Nested
    class V2x14Space extends SearchSpaceContract {
        V2x14Space() {
            super(PaperSpaces.v2x14(PaperSpaces.IMAGENET));
        }
    }

    @Nested
    class MiniSpace extends SearchSpaceContract {
        MiniSpace() {
            super(PaperSpaces.mini(PaperSpaces.FASHION_MNIST));
        }
    }

    @Nested
    class V3SmallMadds extends Priced {
        V3SmallMadds() {
            super(NetworkCostModel.madds(PaperSpaces.v3Small(PaperSpaces.IMAGENET)));
        }
    }

    @Nested
    class V3LargeMadds extends Priced {
        V3LargeMadds() {
            super(NetworkCostModel.madds(PaperSpaces.v3Large(PaperSpaces.IMAGENET)));
        }
    }

    @Nested
    class V2Madds extends Priced {
        V2Madds() {
            super(NetworkCostModel.madds(PaperSpaces.v2(PaperSpaces.IMAGENET)));
        }
    }

    @Nested
    class V2x14Madds extends Priced {
        V2x14Madds() {
            super(NetworkCostModel.madds(PaperSpaces.v2x14(PaperSpaces.IMAGENET)));
        }
    }

    @Nested
    class V2x14Params extends Priced {
        V2x14Params() {
            super(NetworkCostModel.params(PaperSpaces.v2x14(PaperSpaces.IMAGENET)));
        }
    }

    @Nested
    class V3SmallParams extends Priced {
        V3SmallParams() {
            super(NetworkCostModel.params(PaperSpaces.v3Small(PaperSpaces.IMAGENET)));
        }
    }

    @Nested
    class MiniMadds extends Priced {
        MiniMadds() {
            super(NetworkCostModel.madds(PaperSpaces.mini(PaperSpaces.FASHION_MNIST)));
        }
    }

    /** A cost model contract for one space and its model. */
    abstract static class Priced extends CostModelContract {
        Priced(NetworkCostModel model) {
            super(model.space(), model);
        }
    }
}
