package io.layernas.cli;

import java.util.regex.Pattern;

/** Text a user can paste into a POSIX shell. Stateless. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {
    }

    /** {@code word} as one shell word: unchanged when it is plain, else in single quotes. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
