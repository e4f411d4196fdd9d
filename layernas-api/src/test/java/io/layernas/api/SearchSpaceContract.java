package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What every {@link SearchSpace} must do; a plugin's test extends it and passes the space to its constructor. */
public abstract class SearchSpaceContract {
    private final SearchSpace space;

    /** A contract test of {@code space}: the subclass's constructor passes it. */
    protected SearchSpaceContract(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    /** The space under test. */
    protected final SearchSpace space() {
        return space;
    }

    /** Random architectures of the space. */
    protected Architecture randomArchitecture(SplittableRandom random) {
        SearchSpace space = space();
        int[] choices = new int[space.layerCount()];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = random.nextInt(space.layers().get(i).size());
        }
        return Architecture.of(choices);
    }

    @Test
    void hasLayersWithUniqueNames() {
        assertThat(space().layers()).isNotEmpty();
        assertThat(space().layers().stream().map(Layer::name).distinct().count()).isEqualTo(space().layerCount());
        assertThat(space().name()).matches("[a-z0-9][a-z0-9.-]*");
    }

    @Test
    void formatAndParseRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            Architecture architecture = randomArchitecture(random);
            assertThat(space().parse(space().format(architecture))).isEqualTo(architecture);
            assertThat(space().parse(architecture.toString())).isEqualTo(architecture);
        }
    }

    @Test
    void rejectsArchitecturesOutsideTheSpace() {
        Architecture tooShort = Architecture.defaults(space().layerCount() - 1);
        assertThatThrownBy(() -> space().validate(tooShort)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layers");
        Architecture outOfRange = space().defaultArchitecture().with(0, space().layers().get(0).size());
        assertThatThrownBy(() -> space().validate(outOfRange)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(space().layers().get(0).name());
        assertThatThrownBy(() -> space().parse("no-such-architecture")).isInstanceOf(IllegalArgumentException.class);
    }
}
