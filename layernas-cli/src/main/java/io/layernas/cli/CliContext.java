package io.layernas.cli;

import io.layernas.cli.config.Overrides;
import io.layernas.cli.plugins.PluginRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What commands work with: where to print, the plugins, and the process's system properties and
 * environment (for overrides). Tests pass their own.
 *
 * @param out         normal output
 * @param err         errors and progress
 * @param registry    finds the plugins (loaded on first use)
 * @param system      system properties
 * @param environment environment variables
 */
public record CliContext(PrintStream out, PrintStream err, Supplier<PluginRegistry> registry,
                         Map<String, String> system, Map<String, String> environment) {

    /** This process: System.out/err, the class path's plugins, the real properties and environment. */
    public static CliContext ofProcess() {
        Map<String, String> system = new java.util.TreeMap<>();
        System.getProperties().forEach((k, v) -> system.put(String.valueOf(k), String.valueOf(v)));
        return new CliContext(System.out, System.err, memoise(PluginRegistry::fromClassPath), system, System.getenv());
    }

    /** The overrides of a command with {@code -D} values {@code commandLine}. */
    public Overrides overrides(Map<String, String> commandLine) {
        return new Overrides(commandLine == null ? Map.of() : commandLine, system, environment);
    }

    /** A supplier that computes once. */
    public static <T> Supplier<T> memoise(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
