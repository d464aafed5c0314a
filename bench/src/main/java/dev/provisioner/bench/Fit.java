package dev.provisioner.bench;

import java.util.List;

/**
 * How a cost grows with the number of hosts: a least-squares line {@code t = intercept + slope * N}
 * (slope: seconds per extra host) and the exponent {@code k} of {@code t = c * N^k} fitted on
 * log-log scale ({@code k < 1}: sub-linear, {@code k = 1}: linear).
 *
 * @param intercept seconds at N = 0 (fixed cost of a run)
 * @param slope     seconds per additional host
 * @param exponent  growth exponent; NaN when fewer than two distinct N or a non-positive time
 */
public record Fit(double intercept, double slope, double exponent) {

    /** Fits {@code ys} (times) against {@code xs} (host counts); needs two distinct x values. */
    public static Fit of(List<Double> xs, List<Double> ys) {
        if (xs.size() != ys.size() || xs.size() < 2 || xs.stream().distinct().count() < 2) {
            return new Fit(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] line = line(xs, ys);
        boolean positive = xs.stream().allMatch(x -> x > 0) && ys.stream().allMatch(y -> y > 0);
        double exponent = positive
                ? line(xs.stream().map(Math::log).toList(), ys.stream().map(Math::log).toList())[1]
                : Double.NaN;
        return new Fit(line[0], line[1], exponent);
    }

    /** {intercept, slope} of the least-squares line. */
    private static double[] line(List<Double> xs, List<Double> ys) {
        int n = xs.size();
        double mx = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double my = ys.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }

    public boolean defined() {
        return !Double.isNaN(slope);
    }
}
