package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsColumnsLeftWithoutTrailingBlanks() {
        String text = new TextTable(List.of("layer", "stride", "act")).add(List.of("conv", "2", ""))
                .add(List.of("bneck", "12")).render();
        assertThat(text).isEqualTo("""
                layer  stride  act
                conv   2
                bneck  12
                """);
    }

    @Test
    void rightAlignsColumnsOfNumbersButNotTheirHeader() {
        String text = new TextTable(List.of("#", "cost", "name")).numbersRight().add(List.of("1", "5.7e7", "a"))
                .add(List.of("12", "-3", "b")).render();
        assertThat(text).isEqualTo("""
                #   cost   name
                 1  5.7e7  a
                12     -3  b
                """);
    }

    @Test
    void wrapsLongCellsAfterACommaOntoIndentedLines() {
        String text = new TextTable(List.of("layer", "options")).wrapAfterCommas(12)
                .add(List.of("b1", "16, 24, 32, 40, 48")).add(List.of("b2", "nocommas-but-long")).render();
        assertThat(text).isEqualTo("""
                layer  options
                b1     16, 24, 32,
                         40, 48
                b2     nocommas-but-long
                """);
    }
}
