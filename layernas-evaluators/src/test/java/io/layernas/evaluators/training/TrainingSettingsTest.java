package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void defaultsAreAProxyTrainingOnASubset() {
        TrainingSettings settings = TrainingSettings.from(Settings.empty("evaluator"));
        assertThat(settings.datasetDir()).isEqualTo(FashionMnist.DEBIAN_DIRECTORY);
        assertThat(settings.epochs()).isEqualTo(1);
        assertThat(settings.schedule()).isEqualTo("cosine");
        assertThat(settings.trainSubset()).isEqualTo(10_000);
        assertThat(settings.validationFraction()).isEqualTo(0.1);
    }

    @Test
    void badValuesNameTheKeyTheValueAndAFix() {
        assertThatThrownBy(() -> from(Map.of("epochs", 0))).isInstanceOf(ConfigurationException.class)
                .hasMessage("evaluator.epochs (0) must be positive, like 5, the paper's proxy.");
        assertThatThrownBy(() -> from(Map.of("validationFraction", 1.5)))
                .hasMessageContaining("evaluator.validationFraction (1.5) must lie strictly between 0 and 1");
        assertThatThrownBy(() -> from(Map.of("schedule", "step")))
                .hasMessageContaining("evaluator.schedule (step) must be one of [cosine, constant]");
        assertThatThrownBy(() -> from(Map.of("learningRate", -1)))
                .hasMessageContaining("evaluator.learningRate (-1.0) must be a positive number");
        assertThatThrownBy(() -> from(Map.of("trainSubset", -5)))
                .hasMessageContaining("evaluator.trainSubset (-5) must be 0 (all images) or a positive count");
    }

    @Test
    void everySettingIsReadSoMisspeltKeysCanBeReported() {
        Settings settings = Settings.of("evaluator", Map.of("epochs", 2, "epocs", 3));
        TrainingSettings.from(settings);
        assertThat(settings.unusedKeys()).containsExactly("epocs");
    }

    private static TrainingSettings from(Map<String, ?> values) {
        return TrainingSettings.from(Settings.of("evaluator", values));
    }
}
