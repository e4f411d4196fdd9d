package io.layernas.evaluators.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which images train, validate and test a candidate: a seeded subset of the training set split
 * into training and held-out validation images, and a seeded subset of the test set. The split
 * depends on its seed only, so every candidate of a search sees the same images.
 *
 * @param train      indices into the training set used for training
 * @param validation indices into the training set held out for validation (disjoint from train)
 * @param test       indices into the test set
 */
public record DataSplit(int[] train, int[] validation, int[] test) {

    /**
     * Splits the data.
     *
     * @param data               the data set
     * @param trainSubset        how many training-set images to use in all (train plus validation); 0 = all
     * @param validationFraction the fraction of those held out for validation, in (0, 1)
     * @param testSubset         how many test images to evaluate; 0 = all
     * @param seed               the seed of the split
     */
    public static DataSplit of(FashionMnist data, int trainSubset, double validationFraction, int testSubset,
                               long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] pool = permutation(data.train().count(), random.split());
        int used = trainSubset <= 0 ? pool.length : Math.min(trainSubset, pool.length);
        int validation = (int) Math.round(used * validationFraction);
        if (validation < 1 || validation >= used) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + " of " + used
                    + " training images leaves no validation or no training images; use a fraction like 0.1");
        }
        int[] test = permutation(data.test().count(), random.split());
        int testUsed = testSubset <= 0 ? test.length : Math.min(testSubset, test.length);
        return new DataSplit(Arrays.copyOfRange(pool, validation, used), Arrays.copyOfRange(pool, 0, validation),
                Arrays.copyOf(test, testUsed));
    }

    /** A seeded Fisher-Yates permutation of {@code 0..n-1}. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /** Shuffles {@code values} in place. */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
