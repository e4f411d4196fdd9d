package io.layernas.bench;

import java.util.List;

/**
 * The positional arguments of a report's {@code main}: each optional, with a default when left
 * out, so {@code Report 5 5000} keeps the later defaults. One place for what every report parsed
 * with its own {@code args.length > i ? ... : ...}.
 */
final class ReportArgs {
    private final String[] args;

    ReportArgs(String[] args) {
        this.args = args.clone();
    }

    /** Argument {@code index} as a whole number, or {@code fallback} when it is not given. */
    int intAt(int index, int fallback) {
        return index < args.length ? Integer.parseInt(args[index]) : fallback;
    }

    /** Argument {@code index}, or {@code fallback} when it is not given. */
    String stringAt(int index, String fallback) {
        return index < args.length ? args[index] : fallback;
    }

    /** The arguments from {@code index} on, or {@code fallback} when there are none. */
    List<String> restFrom(int index, List<String> fallback) {
        return index < args.length ? List.of(args).subList(index, args.length) : fallback;
    }
}
