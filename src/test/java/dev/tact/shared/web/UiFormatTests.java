package dev.tact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Times are written in the reader's zone and name it; plain unit tests, no Spring. */
class UiFormatTests {

  @Test
  void shouldNameTheZoneWithItsWinterAndSummerAbbreviation() {
    UiFormat paris = new UiFormat(ZoneId.of("Europe/Paris"));

    assertThat(paris.time(Instant.parse("2026-01-15T13:05:00Z"))).isEqualTo("2026-01-15 14:05 CET");
    assertThat(paris.time(Instant.parse("2026-07-15T13:05:00Z"))).isEqualTo("2026-07-15 15:05 CEST");
    assertThat(paris.zoneName()).isEqualTo("Europe/Paris (Central European Time)");
  }

  @Test
  void shouldWriteTheSameInstantDifferentlyForReadersInOtherZones() {
    Instant instant = Instant.parse("2026-03-04T23:30:00Z");

    assertThat(new UiFormat(ZoneId.of("Asia/Tokyo")).time(instant)).isEqualTo("2026-03-05 08:30 JST");
    assertThat(new UiFormat(ZoneId.of("America/New_York")).time(instant)).isEqualTo("2026-03-04 18:30 EST");
    assertThat(new UiFormat(ZoneId.of("UTC")).time(instant)).isEqualTo("2026-03-04 23:30 UTC");
    assertThat(new UiFormat(ZoneId.of("Asia/Tokyo")).date(instant)).isEqualTo("5 Mar 2026");
  }
}
