package io.layernas.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.layernas.api.ConfigurationException;
import picocli.CommandLine;

/**
 * The {@code layernas} command: {@code run}, {@code compare}, {@code plugins}, {@code describe}, {@code serve}.
 * Exit codes: 0 done, 1 unexpected failure, 2 bad configuration or usage, 3 the run stopped
 * because too many trials failed in a row, or every trial failed; 130/143 the run was stopped by SIGINT/SIGTERM.
 */
public final class Main {
    /** Exit code of a configuration or usage error. */
    public static final int CONFIGURATION_ERROR = 2;

    private Main() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(CliContext.ofProcess(), args));
    }

    /** Runs the command with {@code context}; returns the exit code. */
    public static int execute(CliContext context, String... args) {
        Injector commands = Guice.createInjector(new CliModule(context));
        CommandLine line = new CommandLine(LayerNasCommand.class, new CommandFactory(commands));
        line.setOut(new java.io.PrintWriter(context.out(), true));
        line.setErr(new java.io.PrintWriter(context.err(), true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> report(context, e));
        return line.execute(args);
    }

    private static int report(CliContext context, Exception e) {
        ConfigurationException configuration = find(e);
        if (configuration != null) {
            context.err().println("error: " + configuration.getMessage());
            return CONFIGURATION_ERROR;
        }
        context.err().println("error: " + withCauses(e));
        if (System.getenv("LAYERNAS_DEBUG") != null) {
            e.printStackTrace(context.err());
        } else {
            context.err().println("(set LAYERNAS_DEBUG=1 for the stack trace)");
        }
        return 1;
    }

    /** The exception and each distinct cause, e.g. {@code ...: cannot write x: AccessDeniedException: x}. */
    static String withCauses(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (!text.toString().contains(String.valueOf(cause.getMessage()))) {
                text.append(" (caused by ").append(cause).append(')');
            }
        }
        return text.toString();
    }

    private static ConfigurationException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException configuration) {
                return configuration;
            }
        }
        return null;
    }
}
