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
}
