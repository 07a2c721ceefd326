package dev.tact.bench.sla;

import dev.tact.sla.BusinessCalendar;
import dev.tact.sla.PublicHolidaySetting;
import dev.tact.sla.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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
 * SLA deadlines per second on one thread (issue 5 goal: 1,000,000 per core). Four team calendars (Winnipeg 09–17
 * with Manitoba holidays, Berlin with a lunch break and Bavarian holidays, Kolkata 09:30–18:30 Monday to Saturday,
 * New York night shifts with New York holidays), 4,096 starts spread over 2025–2026 at any time of day, targets of
 * 4 to 40 business hours; the calendars' years are cached in the setup, as they are in a running node.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineBenchmark {

  private static final int CASES = 4096;

  private final BusinessCalendar[] calendars = new BusinessCalendar[CASES];
  private final Instant[] starts = new Instant[CASES];
  private final Instant[] ends = new Instant[CASES];
  private final Duration[] targets = new Duration[CASES];
  private int next;

  @Setup
  public void calendars() {
    WorkingHours weekdays = WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:00", "17:00");
    List<BusinessCalendar> teams = List.of(
        BusinessCalendar.of(ZoneId.of("America/Winnipeg"), weekdays, PublicHolidaySetting.of("CA", "mb")),
        BusinessCalendar.of(ZoneId.of("Europe/Berlin"), WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "08:00",
            "12:00").and(WorkingHours.MONDAY_TO_FRIDAY, "13:00", "17:00"), PublicHolidaySetting.of("DE", "by")),
        BusinessCalendar.of(ZoneId.of("Asia/Kolkata"), WorkingHours.on(WorkingHours.MONDAY_TO_FRIDAY, "09:30",
            "18:30").and(java.util.Set.of(java.time.DayOfWeek.SATURDAY), "10:00", "14:00"),
            PublicHolidaySetting.none()),
        BusinessCalendar.of(ZoneId.of("America/New_York"), WorkingHours.on(WorkingHours.EVERY_DAY, "22:00", "06:00"),
            PublicHolidaySetting.of("US", "ny")));
    Random random = new Random(5);
    long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    long span = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond() - from;
    for (int i = 0; i < CASES; i++) {
      calendars[i] = teams.get(random.nextInt(teams.size()));
      starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * span));
      targets[i] = Duration.ofMinutes(4 * 60 + random.nextInt(36 * 60 + 1));
      ends[i] = starts[i].plus(Duration.ofHours(random.nextInt(24 * 14)));
    }
    for (int i = 0; i < CASES; i++) {
      calendars[i].addBusinessTime(starts[i], targets[i]); // materialises the years, as in a running node
    }
  }

  /** One due instant per call: start plus a 4–40 business-hour target. */
  @Benchmark
  public Instant deadline() {
    int i = next;
    next = (i + 1) & (CASES - 1);
    return calendars[i].addBusinessTime(starts[i], targets[i]);
  }

  /** Business time consumed between two instants up to two weeks apart. */
  @Benchmark
  public Duration consumed() {
    int i = next;
    next = (i + 1) & (CASES - 1);
    return calendars[i].businessTimeBetween(starts[i], ends[i]);
  }
}
