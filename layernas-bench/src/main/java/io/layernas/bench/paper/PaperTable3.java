package io.layernas.bench.paper;

import java.util.List;

/**
 * The published numbers of the paper's Table 3 (NATS-Bench topology search, test accuracy in
 * percent, mean ± std; budget 1e5 training seconds), to print next to a reproduction. Reference
 * only: nothing is computed from them.
 */
public final class PaperTable3 {
    private PaperTable3() {
    }

    /**
     * One row of the table.
     *
     * @param method   the method as the paper names it
     * @param cifar10  CIFAR-10 test accuracy, as printed
     * @param cifar100 CIFAR-100 test accuracy, as printed
     * @param imagenet ImageNet16-120 test accuracy, as printed
     */
    public record Row(String method, String cifar10, String cifar100, String imagenet) {
        /** The entry of {@code dataset} ({@code cifar10}, {@code cifar100}, {@code ImageNet16-120}). */
        public String of(String dataset) {
            return switch (dataset) {
                case "cifar10" -> cifar10;
                case "cifar100" -> cifar100;
                default -> imagenet;
            };
        }
    }

    /** RS, RE, PPO, LayerNAS and the optimal test accuracy, as printed in Table 3. */
    public static final List<Row> ROWS = List.of(
            new Row("RS", "92.39±0.06", "63.54±0.24", "42.71±0.34"),
            new Row("RE", "94.13±0.18", "71.40±0.50", "44.76±0.64"),
            new Row("PPO", "94.02±0.13", "71.68±0.65", "44.95±0.52"),
            new Row("LayerNAS", "94.34±0.12", "73.01±0.63", "46.58±0.59"),
            new Row("Optimal test accuracy", "94.37", "73.51", "47.31"));
}
