package dev.tact.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditFilterTests {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void shouldReadDatesAsWholeDaysInTheZoneWithBothDaysIncluded() {
    AuditQuery query = new AuditFilter(" routing. ", "", null, null, "2026-03-01", "2026-03-02").toQuery(BERLIN);

    assertThat(query.action()).isEqualTo("routing.");
    assertThat(query.actor()).isNull();
    assertThat(query.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(query.until()).isEqualTo(Instant.parse("2026-03-02T23:00:00Z"));
  }

  @Test
  void shouldTakeInstantsAsTheyAreAndRefuseWhatIsNeither() {
    assertThat(new AuditFilter(null, null, null, null, "2026-03-01T09:30:00Z", null).toQuery(BERLIN).from())
        .isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThatThrownBy(() -> new AuditFilter(null, null, null, null, "yesterday", null).toQuery(BERLIN))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("invalid-date"));
  }

  @Test
  void shouldDescribeOnlyTheFiltersThatAreSet() {
    assertThat(new AuditFilter("token.", null, " ", "x", null, null).describe()).isEqualTo("action=token., text=x");
    assertThat(AuditFilter.NONE.describe()).isEqualTo("no filter");
  }
}
