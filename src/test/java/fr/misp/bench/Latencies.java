package fr.misp.bench;

import java.util.Arrays;

/** Latencies of one kind of call, in nanoseconds; percentiles by nearest rank. */
final class Latencies {

  private long[] values = new long[1024];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  int count() {
    return size;
  }

  /** The p-th percentile (0 < p ≤ 100) in milliseconds, NaN when empty. */
  double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  String p50p95() {
    return size == 0 ? "-" : String.format("%.1f/%.1f", percentileMillis(50), percentileMillis(95));
  }
}
