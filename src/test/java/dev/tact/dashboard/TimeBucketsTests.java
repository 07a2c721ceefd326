package dev.tact.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.SqlTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeBucketsTests {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static ReportScope days(String from, String toIncluded) {
    return new ReportScope(LocalDate.parse(from).atStartOfDay(PARIS).toInstant(),
        LocalDate.parse(toIncluded).plusDays(1).atStartOfDay(PARIS).toInstant(), PARIS, null, null, null, null);
  }

  @Test
  void shouldCountDaysInTheScopesZoneAcrossADaylightSavingChange() {
    TimeBuckets buckets = TimeBuckets.of(days("2026-03-28", "2026-03-30"));

    assertThat(buckets.unit()).isEqualTo(TimeBuckets.Unit.DAY);
    assertThat(buckets.size()).isEqualTo(3);
    assertThat(buckets.label(2)).isEqualTo("2026-03-30");
    assertThat(buckets.parameters().get("bucket2")).isEqualTo(SqlTime.utc(Instant.parse("2026-03-29T22:00:00Z")));
    assertThat(buckets.caseOf("t")).isEqualTo("CASE WHEN t < :bucket1 THEN 0 WHEN t < :bucket2 THEN 1 ELSE 2 END");
  }

  @Test
  void shouldUseWeeksUpTo120DaysAndMonthsBeyond() {
    TimeBuckets weeks = TimeBuckets.of(days("2026-01-01", "2026-03-31"));
    TimeBuckets months = TimeBuckets.of(days("2025-04-15", "2026-04-14"));

    assertThat(weeks.unit()).isEqualTo(TimeBuckets.Unit.WEEK);
    assertThat(weeks.size()).isEqualTo(13);
    assertThat(weeks.label(1)).isEqualTo("2026-01-08");
    assertThat(months.unit()).isEqualTo(TimeBuckets.Unit.MONTH);
    assertThat(months.size()).isEqualTo(13);
    assertThat(months.label(0)).isEqualTo("2025-04-15");
    assertThat(months.label(1)).isEqualTo("2025-05-01");
    assertThat(months.label(12)).isEqualTo("2026-04-01");
  }

  @Test
  void shouldNeedNoCaseForOneDay() {
    assertThat(TimeBuckets.of(days("2026-05-01", "2026-05-01")).caseOf("t")).isEqualTo("0");
  }
}
