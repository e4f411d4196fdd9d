package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code latency}: on-device latency of a MobileNet network in ms, from a lookup table with a
 * predictor for blocks the table lacks ({@link LatencyModel}). Settings:
 * <ul>
 *   <li>{@code table}: {@code note10} (default; Samsung Note10, the Once-for-All table for the
 *       space's input resolution, 160 to 224 in steps of 16) or {@code pixel1} (Google Pixel 1,
 *       ProxylessNAS);</li>
 *   <li>{@code directory}: where the tables are, default {@code ../shared/data/latency}, relative
 *       to the configuration's directory;</li>
 *   <li>{@code file}: a table file, overriding {@code table} and {@code directory}.</li>
 * </ul>
 */
public final class LatencyCostModelProvider extends AbstractPlugin implements CostModelProvider {
    /** The default table directory, relative to the configuration's directory. */
    public static final String DEFAULT_DIRECTORY = "../shared/data/latency";
    private static final List<String> TABLES = List.of("note10", "pixel1");

    /** For ServiceLoader. */
    public LatencyCostModelProvider() {
        super("latency",
                "on-device latency (ms) from the Pixel 1 or Note10 lookup tables, predicted where they lack a block");
    }

    @Override
    public CostModel create(SearchSpace space, Settings settings) {
        MobileNetSpace mobileNet = MobileNetSpaceProvider.require(space, name());
        Path file = tableFile(mobileNet, settings);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(settings.keyOf(settings.has("file") ? "file" : "directory") + ": no latency "
                    + "table at " + file + ". Set " + settings.keyOf("directory") + " to the folder holding "
                    + "proxylessnas-mobile_trim.yaml and ofa-note10-*_lookup_table.yaml, or " + settings.keyOf("file")
                    + " to a table file. docs/data.md says where to download the tables.");
        }
        try {
            LatencyModel model = LatencyModel.of(LatencyTable.load(file));
            return NetworkCostModel.of(mobileNet, "ms", model::latencyMs);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.keyOf("file") + ": " + e.getMessage(), e);
        }
    }

    static Path tableFile(MobileNetSpace space, Settings settings) {
        String table = settings.getChoice("table", "note10", TABLES);
        Path directory = settings.getPath("directory", DEFAULT_DIRECTORY);
        if (settings.has("file")) {
            return settings.getPath("file", null);
        }
        if (table.equals("pixel1")) {
            return directory.resolve("proxylessnas-mobile_trim.yaml");
        }
        int resolution = space.input().size();
        if (resolution < 160 || resolution > 224 || resolution % 16 != 0) {
            throw new ConfigurationException(settings.keyOf("table") + " (note10) has tables for input resolutions "
                    + "160, 176, 192, 208 and 224, not " + resolution + ". Set the space's resolution to one of them, "
                    + "use table: pixel1, or give a table with " + settings.keyOf("file") + ".");
        }
        return directory.resolve("ofa-note10-" + resolution + "_lookup_table.yaml");
    }
}
