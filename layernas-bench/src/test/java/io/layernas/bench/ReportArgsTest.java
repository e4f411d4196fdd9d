package io.layernas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportArgsTest {
    @Test
    void givenArgumentsWinAndTheOnesLeftOutTakeTheirDefaults() {
        ReportArgs arguments = new ReportArgs(new String[] {"7", "/opt/python"});

        assertThat(arguments.intAt(0, 5)).isEqualTo(7);
        assertThat(arguments.stringAt(1, "/usr/bin/python3")).isEqualTo("/opt/python");
        assertThat(arguments.intAt(2, 40)).isEqualTo(40);
        assertThat(arguments.restFrom(2, List.of("default"))).containsExactly("default");
    }

    @Test
    void theRestIsEveryArgumentFromItsIndexOn() {
        ReportArgs arguments = new ReportArgs(new String[] {"5", "5000", "a", "b"});

        assertThat(arguments.restFrom(2, List.of("default"))).containsExactly("a", "b");
        assertThat(arguments.restFrom(3, List.of())).containsExactly("b");
    }
}
