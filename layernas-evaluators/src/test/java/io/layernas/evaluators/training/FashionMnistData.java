package io.layernas.evaluators.training;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** The real Fashion-MNIST for tests, loaded once; tests skip when scripts/setup.sh has not installed it. */
final class FashionMnistData {
    private static FashionMnist data;

    private FashionMnistData() {
    }

    static synchronized FashionMnist load() {
        assumeTrue(FashionMnist.isPresent(directory()),
                "Fashion-MNIST is not installed in " + directory() + "; run scripts/setup.sh");
        if (data == null) {
            data = FashionMnist.load(directory());
        }
        return data;
    }

    static Path directory() {
        return FashionMnist.DEBIAN_DIRECTORY;
    }
}
