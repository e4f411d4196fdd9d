package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;

/** The plugins of the NAS-Bench-101 space and its edge-count cost model. */
public final class NasBench101Providers {
    private NasBench101Providers() {
    }

    /** {@code nasbench101}: the edge-adding encoding of NAS-Bench-101; no settings. */
    public static final class Space extends AbstractPlugin implements SearchSpaceProvider {
        /** For ServiceLoader. */
        public Space() {
            super(NasBench101Space.NAME,
                    "NAS-Bench-101 cells grown one op or edge per layer (paper Appendix B); every candidate is legal");
        }

        @Override
        public SearchSpace create(Settings settings) {
            return new NasBench101Space();
        }
    }

    /** {@code nasbench101-edges}: number of edges of the cell; works with {@code nasbench101} only. */
    public static final class Edges extends AbstractPlugin implements CostModelProvider {
        /** For ServiceLoader. */
        public Edges() {
            super("nasbench101-edges",
                    "Number of edges of a NAS-Bench-101 cell (a stand-in cost; parameters are not reproduced)");
        }

        @Override
        public CostModel create(SearchSpace space, Settings settings) {
            if (space instanceof NasBench101Space nasBench) {
                return new NasBench101EdgeCost(nasBench);
            }
            throw new ConfigurationException("cost model 'nasbench101-edges' prices the space nasbench101, not '"
                    + space.name() + "'. Use it with space 'nasbench101', or a cost model made for '" + space.name() + "'.");
        }
    }
}
