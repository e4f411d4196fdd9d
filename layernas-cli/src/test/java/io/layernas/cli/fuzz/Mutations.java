package io.layernas.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded corruptions of a valid text: truncation, flipped bytes, lost, doubled and garbage lines. */
final class Mutations {
    private static final String[] GARBAGE = {"", "\u0000\u0001", "NaN", "-1e309", "::::", "{", "}", "[", "\"",
            ",,,,,,", "\t\t", "9999999999999999999999", "x".repeat(5000), "key: [unclosed", "- - -", "null",
            "arch,valid", "%YAML 9.9", "\uFFFF\uD800", "0x1F", "1,2,3,4,5,6,7,8,9,10,11,12"};

    private Mutations() {
    }

    /** {@code count} corrupted versions of {@code text}, the same for the same seed. */
    static List<String> of(String text, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String mutant = text;
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                mutant = mutate(mutant, random);
            }
            mutants.add(mutant);
        }
        return mutants;
    }

    private static String mutate(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(7)) {
            case 0 -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 1 -> {
                char[] chars = text.toCharArray();
                if (chars.length > 0) {
                    int at = random.nextInt(chars.length);
                    chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
                }
                return new String(chars);
            }
            case 2 -> lines.remove(line);
            case 3 -> lines.add(line, lines.get(line));
            case 4 -> lines.add(line, GARBAGE[random.nextInt(GARBAGE.length)]);
            case 5 -> lines.set(line, lines.get(line).replaceAll("[0-9]", GARBAGE[random.nextInt(GARBAGE.length)]));
            default -> {
                String value = lines.get(line);
                int cut = value.isEmpty() ? 0 : random.nextInt(value.length());
                lines.set(line, value.substring(0, cut));
            }
        }
        return String.join("\n", lines);
    }
}
