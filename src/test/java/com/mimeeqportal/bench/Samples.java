package com.mimeeqportal.bench;

import java.util.Arrays;

/**
 * Durations in nanoseconds, added from any thread; percentiles by nearest rank (the smallest sample with at least
 * {@code p} of all samples at or below it), in milliseconds.
 */
final class Samples {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = value;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p} percentile ({@code 0 < p <= 1}) in milliseconds; NaN with no samples. */
    synchronized double percentileMillis(double p) {
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("percentile " + p + " is not in (0, 1]");
        }
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * count);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN for none. */
    static double median(java.util.List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code numerator ÷ denominator}, NaN when either is missing or the denominator is not positive. */
    static double ratio(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0 ? Double.NaN
                : numerator / denominator;
    }
}
