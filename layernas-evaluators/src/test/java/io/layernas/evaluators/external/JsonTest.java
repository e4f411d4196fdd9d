package io.layernas.evaluators.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedValues() {
        Map<?, ?> value = (Map<?, ?>) Json.parse(
                " {\"a\": [1, 2.5e1, -3], \"b\": {\"c\": true, \"d\": null}, \"e\": \"x\\\"y\\u0041\"} ");
        assertThat(value.get("a")).isEqualTo(List.of(1.0, 25.0, -3.0));
        Map<?, ?> nested = (Map<?, ?>) value.get("b");
        assertThat(nested.get("c")).isEqualTo(true);
        assertThat(nested.containsKey("d") && nested.get("d") == null).isTrue();
        assertThat(value.get("e")).isEqualTo("x\"yA");
    }

    @Test
    void readsPythonsNanAndInfinity() {
        assertThat(Json.parse("[NaN, Infinity, -Infinity]"))
                .isEqualTo(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void malformedInputSaysWhere() {
        assertThatThrownBy(() -> Json.parse("{\"objective\": 0.5,")).hasMessageStartingWith("malformed JSON: ")
                .hasMessageContaining("Unexpected end-of-input").hasMessageEndingWith("at line 1, column 19");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} 2")).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("Unrecognized token 'x'");
        assertThatThrownBy(() -> Json.parse("{\"a\": wrong}")).hasMessageContaining("Unrecognized token 'wrong'");
        assertThatThrownBy(() -> Json.parse(" ")).hasMessageContaining("no JSON value");
    }

    @Test
    void quotesWhatItWrites() {
        String text = "tab\there \"quoted\" back\\slash\n\u0001";
        assertThat(Json.parse(Json.quote(text))).isEqualTo(text);
    }

    @Test
    void requestCarriesTheArchitectureAndOneRowPerOp() {
        SmallNetworkSpace space = new SmallNetworkSpace();
        Object parsed = Json.parse(RequestJson.write(new EvaluationRequest(space, Architecture.of(1, 0), 7, -5L, 2)));
        Map<?, ?> request = (Map<?, ?>) parsed;
        assertThat(request.get("space")).isEqualTo("small");
        assertThat(request.get("architecture")).isEqualTo(Map.of("formatted", "8:3", "indices", List.of(1.0, 0.0)));
        assertThat(request.get("choices")).isEqualTo(List.of(Map.of("layer", "conv.filters", "option", "8"),
                Map.of("layer", "conv.kernel", "option", "3")));
        assertThat(request.get("trialIndex")).isEqualTo(7.0);
        assertThat(request.get("seed")).isEqualTo(-5.0);
        assertThat(request.get("attempt")).isEqualTo(2.0);
        assertThat(request.get("input")).isEqualTo(Map.of("size", 28.0, "channels", 1.0, "classes", 10.0));
        List<?> layers = (List<?>) request.get("layers");
        assertThat(layers).hasSize(3);
        Map<?, ?> conv = (Map<?, ?>) layers.get(0);
        assertThat(conv.get("type")).isEqualTo("CONV");
        assertThat(conv.get("outChannels")).isEqualTo(8.0);
        assertThat(conv.get("stride")).isEqualTo(2.0);
        assertThat(conv.get("residual")).isEqualTo(false);
        assertThat(((Map<?, ?>) layers.get(2)).get("detail")).isEqualTo("say \"hi\"");
    }

    @Test
    void metricsKeepNumbersAndRequireAFiniteObjective() {
        Metrics metrics = MetricsJson.read("log line\n{\"objective\": 0.9, \"flops\": 12, \"name\": \"x\"}\n", 4.0);
        assertThat(metrics.objective()).isEqualTo(0.9);
        assertThat(metrics.trainingSeconds()).isEqualTo(4.0);
        assertThat(metrics.values()).containsExactly(Map.entry("flops", 12.0));
        assertThatThrownBy(() -> MetricsJson.read("{\"objective\": NaN}", 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> MetricsJson.read("{\"accuracy\": 0.5}", 1)).hasMessageContaining("no number 'objective'");
        assertThatThrownBy(() -> MetricsJson.read("finished", 1)).hasMessageContaining("printed no JSON object");
    }
}
