package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FashionMnistTest {

    @Test
    void debianPackageHoldsTheFullBalancedDataSet() {
        FashionMnist data = FashionMnistData.load();
        assertThat(data.train().count()).isEqualTo(60_000);
        assertThat(data.test().count()).isEqualTo(10_000);
        assertThat(data.train().images().rows()).isEqualTo(28);
        int[] perClass = new int[FashionMnist.CLASSES];
        for (int i = 0; i < data.train().count(); i++) {
            perClass[data.train().label(i)]++;
        }
        assertThat(perClass).containsOnly(6000);
    }

    @Test
    void splitIsDisjointSizedAndSeeded() {
        FashionMnist data = FashionMnistData.load();
        DataSplit split = DataSplit.of(data, 1000, 0.2, 300, 5);
        assertThat(split.train()).hasSize(800);
        assertThat(split.validation()).hasSize(200);
        assertThat(split.test()).hasSize(300);
        Set<Integer> train = new HashSet<>();
        Arrays.stream(split.train()).forEach(train::add);
        assertThat(Arrays.stream(split.validation()).noneMatch(train::contains)).isTrue();
        assertThat(DataSplit.of(data, 1000, 0.2, 300, 5).validation()).containsExactly(split.validation());
        assertThat(DataSplit.of(data, 1000, 0.2, 300, 6).validation()).isNotEqualTo(split.validation());
    }

    @Test
    void zeroSubsetsMeanEverything() {
        DataSplit split = DataSplit.of(FashionMnistData.load(), 0, 0.1, 0, 1);
        assertThat(split.train().length + split.validation().length).isEqualTo(60_000);
        assertThat(split.validation()).hasSize(6000);
        assertThat(split.test()).hasSize(10_000);
    }
}
