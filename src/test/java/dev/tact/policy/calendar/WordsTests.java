package dev.tact.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Time zones as people name them in reasons and on the contact page (point 7 of issue 14). */
class WordsTests {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "America/Winnipeg | Winnipeg, Central time",
      "America/New_York | New York, Eastern time",
      "America/St_Johns | St Johns, Newfoundland time",
      "Europe/Berlin | Berlin, Central European time",
      "Europe/London | London time",
      "UTC | UTC"})
  void shouldNameAZoneAsPeopleDoWhenItIsARegionZone(String zone, String expected) {
    assertThat(Words.zone(ZoneId.of(zone))).isEqualTo(expected);
  }

  @Test
  void shouldNameAFixedOffsetByItsOffsetWhenItHasNoPlace() {
    assertThat(Words.zone(ZoneOffset.ofHours(-6))).isEqualTo("UTC\u221206:00");
  }

  @Test
  void shouldWriteAnInstantInTheZoneWithItsNameWhenDescribingATime() {
    assertThat(Words.at(Instant.parse("2011-10-11T14:00:00Z"), ZoneId.of("America/Winnipeg")))
        .isEqualTo("Tuesday 11 October 2011 09:00 (Winnipeg, Central time)");
  }
}
