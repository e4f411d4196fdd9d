package io.layernas.core;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;

class AdditiveCostModelTest extends CostModelContract {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(5, 4, 6, 3);

    @Override
    protected SearchSpace space() {
        return problem.space();
    }

    @Override
    protected CostModel costModel() {
        return problem.costs();
    }
}
