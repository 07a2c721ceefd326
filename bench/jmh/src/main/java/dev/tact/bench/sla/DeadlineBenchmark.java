package dev.tact.bench.sla;

import dev.tact.shared.calendar.PublicHolidays;
import dev.tact.sla.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SLA deadlines: a Winnipeg team working 09:00–17:00 on weekdays with Manitoba's holidays; each
 * operation adds a first-response target of 4 to 40 business hours to a message time spread
 * over 2026 (holiday calendars cached after the first year's lookups).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineBenchmark {

  private static final int SIZE = 4096;

  private BusinessCalendar team;
  private final Instant[] starts = new Instant[SIZE];
  private final Duration[] targets = new Duration[SIZE];
  private int next;

  @Setup
  public void setUp() {
    team = BusinessCalendar.builder(ZoneId.of("America/Winnipeg")).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .publicHolidays(new PublicHolidays(), "CA", "mb").build();
    Random random = new Random(42);
    Instant year = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < SIZE; i++) {
      starts[i] = year.plusSeconds(random.nextInt(365 * 24 * 3600));
      targets[i] = Duration.ofHours(4 + random.nextInt(37));
    }
  }

  @Benchmark
  public Instant dueInstant() {
    int i = next++ & (SIZE - 1);
    return team.addBusinessTime(starts[i], targets[i]);
  }
}
