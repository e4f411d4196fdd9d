package io.layernas.evaluators.external;

import io.layernas.api.EvaluationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument vector of one evaluation. A command list runs as is: each placeholder in an
 * argument becomes its value, character for character, and no shell ever sees it. With
 * {@code shell: true} the one script runs as {@code /bin/sh -c SCRIPT}, and every value that
 * replaces a placeholder is single-quoted first, so that no path, architecture or number can
 * end the word it stands in. Placeholders: {@code {request}} (the request file), {@code {trial}},
 * {@code {seed}}, {@code {attempt}} and {@code {architecture}} (the formatted architecture).
 * Stateless.
 */
final class CommandLine {
    /** The shell that runs a script with {@code shell: true}. */
    static final String SHELL = "/bin/sh";

    private CommandLine() {
    }

    /** The arguments that run {@code settings.command()} for {@code request}, its file at {@code requestFile}. */
    static List<String> arguments(CommandSettings settings, EvaluationRequest request, Path requestFile) {
        Map<String, String> values = values(request, requestFile);
        if (settings.shell()) {
            return List.of(SHELL, "-c", substitute(settings.command().get(0), values, true));
        }
        List<String> arguments = new ArrayList<>();
        for (String argument : settings.command()) {
            arguments.add(substitute(argument, values, false));
        }
        return arguments;
    }

    private static Map<String, String> values(EvaluationRequest request, Path requestFile) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{request}", requestFile.toString());
        values.put("{trial}", Integer.toString(request.trialIndex()));
        values.put("{seed}", Long.toString(request.seed()));
        values.put("{attempt}", Integer.toString(request.attempt()));
        values.put("{architecture}", request.space().format(request.architecture()));
        return values;
    }

    /** One pass from left to right, so that a value containing a placeholder is never replaced again. */
    static String substitute(String text, Map<String, String> values, boolean quote) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String found = placeholderAt(text, i, values);
            if (found == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(quote ? quote(values.get(found)) : values.get(found));
                i += found.length();
            }
        }
        return out.toString();
    }

    private static String placeholderAt(String text, int index, Map<String, String> values) {
        for (String placeholder : values.keySet()) {
            if (text.startsWith(placeholder, index)) {
                return placeholder;
            }
        }
        return null;
    }

    /** POSIX single quoting: {@code it's} becomes {@code 'it'\''s'}; nothing inside is special to sh. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
