package dev.tact.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.Region;
import dev.tact.policy.calendar.AreaCodes.AreaCode;
import dev.tact.policy.calendar.AreaCodes.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The area-code table built from libphonenumber's geocoding data, against what the numbering plan administrators
 * publish (NANPA, CNA): area codes across provinces and states, overlays, codes the data names only through their
 * exchanges, shared codes, non-geographic codes and other countries of the plan.
 */
class AreaCodesTests {

  @ParameterizedTest(name = "+1 {0} → {1}")
  @CsvSource({
      "204, CA-MB", "431, CA-MB", "306, CA-SK", "639, CA-SK", "403, CA-AB", "780, CA-AB", "604, CA-BC",
      "250, CA-BC", "236, CA-BC", "416, CA-ON", "647, CA-ON", "437, CA-ON", "905, CA-ON", "613, CA-ON",
      "514, CA-QC", "418, CA-QC", "506, CA-NB", "709, CA-NL",
      "305, US-FL", "850, US-FL", "407, US-FL", "212, US-NY", "718, US-NY", "203, US-CT", "310, US-CA",
      "213, US-CA", "202, US-DC", "206, US-WA", "401, US-RI", "205, US-AL", "251, US-AL", "504, US-LA",
      "601, US-MS", "405, US-OK", "301, US-MD", "445, US-PA", "215, US-PA", "312, US-IL", "713, US-TX",
      "808, US-HI", "907, US-AK", "208, US-ID"})
  void shouldPlaceAnAreaCodeInItsStateOrProvinceWhenTheDataNamesIt(int npa, String expected) {
    AreaCode code = AreaCodes.of(npa).orElseThrow();

    assertThat(code.kind()).isEqualTo(Kind.ONE_REGION);
    assertThat(code.regions()).extracting(Region::code).containsExactly(expected);
  }

  @Test
  void shouldReadManitobaInWordsWhenTheAreaCodeIs204() {
    assertThat(AreaCodes.of(204).orElseThrow().inWords()).isEqualTo("Manitoba");
  }

  @Test
  void shouldGiveEveryRegionOfASharedAreaCodeWhenSeveralProvincesShareIt() {
    assertThat(AreaCodes.of(867).orElseThrow().regions()).extracting(Region::code)
        .containsExactly("CA-NT", "CA-NU", "CA-YT");
    assertThat(AreaCodes.of(867).orElseThrow().kind()).isEqualTo(Kind.SHARED);
    assertThat(AreaCodes.of(902).orElseThrow().regions()).extracting(Region::code).containsExactly("CA-NS", "CA-PE");
    assertThat(AreaCodes.of(902).orElseThrow().inWords()).isEqualTo(
        "Nova Scotia or Prince Edward Island, which share it: the strictest rules of all of them hold");
  }

  @Test
  void shouldStandForEveryStateWhenTheAreaCodeIsNotGeographic() {
    AreaCode tollFree = AreaCodes.of(800).orElseThrow();

    assertThat(tollFree.kind()).isEqualTo(Kind.NOT_GEOGRAPHIC);
    assertThat(tollFree.regions()).hasSize(51).contains(new Region("US", "ri"), new Region("US", "dc"));
    assertThat(AreaCodes.of(600).orElseThrow().regions()).hasSize(13).allMatch(r -> r.country().equals("CA"));
  }

  @Test
  void shouldNameTheCountryWhenTheAreaCodeIsAnotherCountryOfThePlan() {
    assertThat(AreaCodes.of(876).orElseThrow().regions()).containsExactly(Region.of("JM"));
    assertThat(AreaCodes.of(787).orElseThrow().regions()).containsExactly(Region.of("PR"));
    assertThat(AreaCodes.of(340).orElseThrow().regions()).containsExactly(Region.of("VI"));
    assertThat(AreaCodes.of(876).orElseThrow().kind()).isEqualTo(Kind.COUNTRY);
  }

  @Test
  void shouldPlaceEveryAreaCodeTheDataDescribesWhenTheTableIsBuilt() {
    List<AreaCode> named = AreaCodes.all().values().stream().filter(c -> !c.description().isEmpty()).toList();

    assertThat(named).hasSizeGreaterThan(300);
    assertThat(named).as("area codes the geocoder names but the table cannot place")
        .allSatisfy(c -> assertThat(c.kind()).as("+1 %d %s", c.code(), c.description()).isNotEqualTo(Kind.NOT_GEOGRAPHIC));
    assertThat(AreaCodes.all().values().stream().filter(c -> c.regions().stream().anyMatch(r -> r.code().equals("CA-MB"))))
        .extracting(AreaCode::code).contains(204, 431);
  }
}
