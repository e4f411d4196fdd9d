package io.layernas.core;

import io.layernas.api.CostModelContract;

class AdditiveCostModelTest extends CostModelContract {
    private static final RandomSpaces.Problem PROBLEM = RandomSpaces.problem(5, 4, 6, 3);

    AdditiveCostModelTest() {
        super(PROBLEM.space(), PROBLEM.costs());
    }
}
