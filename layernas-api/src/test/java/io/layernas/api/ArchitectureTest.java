package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final SearchSpace widths = new SearchSpace() {
        @Override
        public String name() {
            return "widths";
        }

        @Override
        public List<Layer> layers() {
            return List.of(new Layer("a", List.of("64", "48", "32")), new Layer("b", List.of("64", "8")));
        }
    };

    @Test
    void isImmutableAndComparesByChoices() {
        int[] raw = {1, 0};
        Architecture architecture = Architecture.of(raw);
        raw[0] = 2;
        assertThat(architecture.choice(0)).isEqualTo(1);
        assertThat(architecture.with(1, 1)).isEqualTo(Architecture.of(1, 1)).isNotEqualTo(architecture);
        assertThat(architecture.with(0, 1)).isSameAs(architecture);
        assertThat(architecture.lastChangedLayer()).isZero();
        assertThat(Architecture.defaults(2).lastChangedLayer()).isEqualTo(-1);
        assertThat(architecture.isDefaultFrom(1)).isTrue();
        assertThat(architecture.isDefaultFrom(0)).isFalse();
    }

    @Test
    void formatsWithOptionNamesAndParsesBothForms() {
        Architecture architecture = Architecture.of(2, 1);
        assertThat(widths.format(architecture)).isEqualTo("32:8");
        assertThat(widths.parse("32:8")).isEqualTo(architecture);
        assertThat(widths.parse("2-1")).isEqualTo(architecture);
        assertThat(widths.architectureCount()).isEqualTo(6);
        assertThat(widths.enumerate(10)).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void saysWhichPartOfAnArchitectureIsWrong() {
        assertThatThrownBy(() -> widths.parse("32:16")).hasMessageContaining("layer 1 ('b') has no option '16'")
                .hasMessageContaining("[64, 8]");
        assertThatThrownBy(() -> widths.parse("32")).hasMessageContaining("has 1 ':'-separated parts")
                .hasMessageContaining("2 layers");
        assertThatThrownBy(() -> widths.validate(Architecture.of(3, 0))).hasMessageContaining("options 0..2");
        assertThatThrownBy(() -> Architecture.of(-1)).hasMessageContaining("start at 0");
    }

    @Test
    void layersRejectDuplicateOrEmptyOptions() {
        assertThatThrownBy(() -> new Layer("x", List.of("a", "a"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Layer("x", List.of())).hasMessageContaining("no options");
        assertThatThrownBy(() -> new Layer("x", List.of("a:b"))).hasMessageContaining("':'");
    }
}
