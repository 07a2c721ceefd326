package dev.tact.sla.calendar;

/**
 * The open intervals of one year of a calendar: the intervals that start on a local date of that year, in order,
 * as epoch seconds {@code [starts[i], ends[i])}, with the business time before each one in nanoseconds.
 *
 * <p>{@code from} and {@code to} are the instants of local midnight starting the year and the next year: every
 * interval starts in {@code [from, to)}; the last one may end after {@code to} (an overnight shift on 31 December).
 */
record OpenYear(int year, long from, long to, long[] starts, long[] ends, long[] nanosBefore, long totalNanos) {

  static final long NANOS = 1_000_000_000L;

  int size() {
    return starts.length;
  }

  /** Index of the first interval that ends after {@code second}, or {@link #size()}. */
  int firstEndingAfter(long second) {
    int low = 0;
    int high = ends.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ends[middle] > second) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** Business nanoseconds of this year's intervals that lie before the instant (second, nano). */
  long nanosBefore(long second, int nano) {
    int index = firstEndingAfter(second);
    if (index == size()) {
      return totalNanos;
    }
    long before = nanosBefore[index];
    if (starts[index] <= second) {
      before += (second - starts[index]) * NANOS + nano;
    }
    return before;
  }

  /** Index of the interval in which the {@code position}-th business nanosecond of the year ends (0 < position). */
  int intervalReaching(long position) {
    int low = 0;
    int high = size() - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      long after = middle + 1 < size() ? nanosBefore[middle + 1] : totalNanos;
      if (after >= position) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
