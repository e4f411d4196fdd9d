package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.layernas.cli.plugins.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Picocli creates the commands through Guice; the plugin registry is loaded only by a command that uses it. */
class CommandFactoryTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicInteger loads = new AtomicInteger();
    private final CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> {
                loads.incrementAndGet();
                return PluginRegistry.fromClassPath();
            }, Map.of(), Map.of());

    @Test
    void commandsThatNeedNoPluginsLoadNoRegistry() {
        assertThat(Main.execute(context, "--version")).isZero();
        assertThat(Main.execute(context, "run", "--help")).isZero();
        assertThat(Main.execute(context, "describe", "--help")).isZero();
        assertThat(loads).hasValue(0);
        assertThat(Main.execute(context, "plugins")).isZero();
        assertThat(loads.get()).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("spaces (space.name):", "nats-sss");
    }

    @Test
    void commandsComeFromTheInjectorAndPicocliClassesFromPicocli() throws Exception {
        CommandFactory factory = new CommandFactory(Guice.createInjector(new CliModule(context)));
        StoreCommand store = factory.create(StoreCommand.class);
        assertThat(store).isNotNull().isNotSameAs(factory.create(StoreCommand.class));
        assertThat(factory.create(CommandLine.HelpCommand.class)).isNotNull();
        assertThat(factory.create(LayerNasCommand.class).context()).isSameAs(context);
    }
}
