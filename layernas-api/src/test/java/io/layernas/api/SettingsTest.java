package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void convertsStringsFromTheCommandLine() {
        Settings settings = Settings.of("search", Map.of("bucketCount", "50", "target", "2e5", "quiet", "yes"));
        assertThat(settings.getInt("bucketCount", 100)).isEqualTo(50);
        assertThat(settings.getDouble("target", 0)).isEqualTo(2e5);
        assertThat(settings.getBoolean("quiet", false)).isTrue();
        assertThat(settings.getInt("perBucket", 3)).isEqualTo(3);
    }

    @Test
    void namesTheKeyAndValueInErrors() {
        Settings settings = Settings.of("search", Map.of("bucketCount", "many", "policy", "worst"));
        assertThatThrownBy(() -> settings.getInt("bucketCount", 100))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("search.bucketCount (many) must be a whole number, like 100.");
        assertThatThrownBy(() -> settings.getChoice("policy", "random", List.of("random", "best")))
                .hasMessage("search.policy (worst) must be one of [random, best].");
    }

    @Test
    void wholeNumbersNeverWrapOrClamp() {
        Settings settings = Settings.of("run", Map.of("a", "4294967297", "b", 1e20, "c", 2.5,
                "d", new java.math.BigInteger("99999999999999999999"), "e", 2e5, "f", Double.NaN, "g", "1_000"));
        assertThatThrownBy(() -> settings.getInt("a", 1))
                .hasMessage("run.a (4294967297) must be a whole number from -2147483648 to 2147483647, like 1.");
        assertThat(settings.getLong("a", 1)).isEqualTo(4294967297L);
        assertThatThrownBy(() -> settings.getLong("b", 0))
                .hasMessage("run.b (1.0E20) must be a whole number from -9223372036854775808 to 9223372036854775807, "
                        + "like 0.");
        assertThatThrownBy(() -> settings.getLong("c", 0)).hasMessageStartingWith("run.c (2.5) must be a whole number from");
        assertThatThrownBy(() -> settings.getLong("d", 0)).hasMessageStartingWith("run.d (99999999999999999999) must be");
        assertThat(settings.getInt("e", 0, 1, 300_000)).isEqualTo(200_000);
        assertThatThrownBy(() -> settings.getInt("e", 0, 1, 100)).hasMessage("run.e (200000.0) must be a whole number "
                + "from 1 to 100, like 0.");
        assertThatThrownBy(() -> settings.getLong("f", 0)).hasMessage("run.f (NaN) must be a whole number, like 0.");
        assertThat(settings.getInt("g", 0)).isEqualTo(1000);
    }

    @Test
    void nanIsNeverANumberAndInfinitiesAreSpelledAnyWay() {
        Settings settings = Settings.of("evaluator", Map.of("nan", "NaN", "yamlNan", Double.NaN, "inf", "inf",
                "infinity", "-Infinity", "yamlInf", Double.POSITIVE_INFINITY, "hex", "0x1p3", "dotInf", ".INF"));
        assertThatThrownBy(() -> settings.getDouble("nan", 0.5)).hasMessage("evaluator.nan (NaN) must be a number, like 0.5.");
        assertThatThrownBy(() -> settings.getDoubleOrInfinity("yamlNan", Double.NaN))
                .hasMessage("evaluator.yamlNan (NaN) must be a number, or left out.");
        assertThatThrownBy(() -> settings.getDouble("inf", 0.5))
                .hasMessage("evaluator.inf (inf) must be a finite number, like 0.5.");
        assertThat(settings.getDoubleOrInfinity("inf", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(settings.getDoubleOrInfinity("infinity", 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(settings.getDoubleOrInfinity("yamlInf", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(settings.getDoubleOrInfinity("dotInf", 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> settings.getDouble("hex", 0)).hasMessage("evaluator.hex (0x1p3) must be a number, like 0.0.");
    }

    @Test
    void positiveIntegersAreAtLeastOne() {
        Settings settings = Settings.of("space", Map.of("layers", 0, "options", "3"));
        assertThat(settings.getPositiveInt("options", 4)).isEqualTo(3);
        assertThat(settings.getPositiveInt("classes", 10)).isEqualTo(10);
        assertThatThrownBy(() -> settings.getPositiveInt("layers", 4)).isInstanceOf(ConfigurationException.class)
                .hasMessage("space.layers (0) must be at least 1, like 4.");
    }

    @Test
    void reportsKeysNobodyRead() {
        Settings settings = Settings.of("search", Map.of("bucketCount", 10, "bucketCnt", 5));
        settings.getInt("bucketCount", 100);
        assertThatThrownBy(() -> settings.requireAllUsed("strategy 'layernas'"))
                .hasMessageContaining("search.bucketCnt is not a setting of strategy 'layernas'")
                .hasMessageContaining("bucketCount");
    }

    @Test
    void remembersTheSettingsAPluginReadWithTheirDefaults() {
        Settings settings = Settings.of("search", Map.of("perBucket", 5));
        settings.getInt("bucketCount", 100);
        settings.getInt("perBucket", 3);
        settings.getString("path", null);
        assertThat(settings.readSettings()).containsExactly(Map.entry("bucketCount", "100"),
                Map.entry("path", ""), Map.entry("perBucket", "3"));
    }

    @Test
    void resolvesPathsAgainstTheBaseDirectoryAndNeverToAnEmptyPath() {
        Settings settings = new Settings("evaluator", Map.of("path", "tables/t.csv"), java.nio.file.Path.of("/work/exp"));
        assertThat(settings.getPath("path", null)).isEqualTo(java.nio.file.Path.of("/work/exp/tables/t.csv"));
        assertThat(Settings.empty("evaluator").getPath("workingDir", ".")).isEqualTo(java.nio.file.Path.of("."));
    }

    @Test
    void buildNamesTheFullKeyWhenAValueRecordRejectsASetting() {
        Settings settings = Settings.of("search", Map.of("bucketCount", 0));
        assertThatThrownBy(() -> settings.build(() -> {
            throw new IllegalArgumentException("bucketCount (0) must be positive. Maybe you meant 100, the paper's H?");
        })).isInstanceOf(ConfigurationException.class)
                .hasMessage("search.bucketCount (0) must be positive. Maybe you meant 100, the paper's H?");
        assertThat(settings.build(() -> 42)).isEqualTo(42);
    }

    /** A plugin's settings record: the YAML keys are its component names. */
    record Knobs(int count, long seed, double rate, boolean fast, String label) {
        Knobs {
            if (count < 1) {
                throw new IllegalArgumentException("count (" + count + ") must be positive. Maybe you meant 3?");
            }
        }
    }

    @Test
    void getRecordReadsEachComponentByItsNameWithTheDefaultsAsFallback() {
        Settings settings = Settings.of("search", Map.of("count", "7", "rate", 0.5, "fast", "yes"));
        Knobs knobs = settings.getRecord(new Knobs(3, 42L, 0.1, false, "plain"));
        assertThat(knobs).isEqualTo(new Knobs(7, 42L, 0.5, true, "plain"));
        assertThat(settings.readSettings()).containsExactly(Map.entry("count", "3"), Map.entry("fast", "false"),
                Map.entry("label", "plain"), Map.entry("rate", "0.1"), Map.entry("seed", "42"));
        assertThat(settings.unusedKeys()).isEmpty();
    }

    @Test
    void getRecordNamesTheFullKeyOfABadValueOrARejectedOne() {
        Knobs defaults = new Knobs(3, 42L, 0.1, false, "plain");
        assertThatThrownBy(() -> Settings.of("search", Map.of("seed", "many")).getRecord(defaults))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("search.seed (many) must be a whole number, like 42.");
        assertThatThrownBy(() -> Settings.of("search", Map.of("count", 0)).getRecord(defaults))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("search.count (0) must be positive. Maybe you meant 3?");
    }

    record Unreadable(java.util.List<String> names) {
    }

    @Test
    void getRecordRefusesComponentsItCannotRead() {
        assertThatThrownBy(() -> Settings.empty("search").getRecord(new Unreadable(List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("search.names has type java.util.List");
    }
}
