package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.ConfigurationException;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import java.util.List;

/**
 * {@code nats-tss-edges}: NATS-Bench topology search, one layer per edge; settings {@code dataset}
 * (cifar10, cifar100, ImageNet16-120) and {@code order} (the edges in layer order, e.g.
 * {@code 1<-0, 2<-1, 3<-2, 2<-0, 3<-0, 3<-1}; default the official string's order).
 */
public final class NatsTopologyEdgeSpaceProvider extends AbstractPlugin implements SearchSpaceProvider {
    /** For ServiceLoader. */
    public NatsTopologyEdgeSpaceProvider() {
        super(NatsTopologyEdgeSpace.NAME,
                "NATS-Bench topology search (NAS-Bench-201 cell), one layer per edge: 6 layers of 5 operations");
    }

    @Override
    public SearchSpace create(Settings settings) {
        NatsDataset dataset = NatsDataset.from(settings);
        List<String> fallback = CellEdge.CELL_ORDER.stream().map(CellEdge::toString).toList();
        List<String> names = settings.getList("order", fallback);
        try {
            return new NatsTopologyEdgeSpace(dataset, names.stream().map(CellEdge::parse).toList());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.keyOf("order") + " (" + String.join(", ", names) + ") must list "
                    + "the six edges of the cell once each, e.g. [" + String.join(", ", fallback) + "]: "
                    + e.getMessage(), e);
        }
    }
}
