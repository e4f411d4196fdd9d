package io.layernas.spaces.mobilenet;

import java.util.List;

/** Ordinary least squares by the normal equations, for a handful of features. */
final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * The weights minimising the squared error of {@code rows . w} against {@code targets}.
     * Columns that are zero in every row get weight 0; a tiny ridge keeps the system solvable.
     */
    static double[] solve(List<double[]> rows, List<Double> targets, int features) {
        double[][] a = new double[features][features + 1];
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r);
            for (int i = 0; i < features; i++) {
                for (int j = 0; j < features; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][features] += x[i] * targets.get(r);
            }
        }
        for (int i = 0; i < features; i++) {
            a[i][i] += a[i][i] == 0 ? 1 : a[i][i] * 1e-9;
        }
        return gauss(a, features);
    }

    private static double[] gauss(double[][] a, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col && a[col][col] != 0) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = a[i][i] == 0 ? 0 : a[i][n] / a[i][i];
        }
        return w;
    }
}
