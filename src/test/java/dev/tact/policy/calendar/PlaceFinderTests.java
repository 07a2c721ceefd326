package dev.tact.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.Region;
import dev.tact.policy.Whereabouts;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceFinderTests {

  @Test
  void shouldPlaceAContactKnownOnlyByAPhoneNumberInTheProvinceOfItsAreaCode() {
    Whereabouts where = PlaceFinder.whereabouts(null, null, List.of("+12045550123"));

    assertThat(where.regions()).containsExactly(new Region("CA", "mb"));
    assertThat(where.source()).isEqualTo("from the area code +1 204: Manitoba");
  }

  @Test
  void shouldPreferTheProfileWhenItNamesCountryAndSubdivision() {
    Whereabouts where = PlaceFinder.whereabouts("CA", "on", List.of("+12045550123"));

    assertThat(where.regions()).containsExactly(new Region("CA", "on"));
    assertThat(where.source()).isEqualTo("from the contact's profile: Ontario");
  }

  @Test
  void shouldNarrowTheProfilesCountryToTheProvinceOfTheAreaCodeWhenTheProfileHasNoSubdivision() {
    assertThat(PlaceFinder.whereabouts("CA", null, List.of("+12045550123")).regions())
        .containsExactly(new Region("CA", "mb"));
    assertThat(PlaceFinder.whereabouts("US", null, List.of("+12045550123")).regions())
        .as("a profile in another country wins over the number").containsExactly(Region.of("US"));
  }

  @Test
  void shouldKeepEveryRegionWhenTheContactHasNumbersInSeveral() {
    Whereabouts where = PlaceFinder.whereabouts(null, null, List.of("+12045550123", "+13055550123"));

    assertThat(where.regions()).containsExactly(new Region("CA", "mb"), new Region("US", "fl"));
    assertThat(where.source()).contains("+1 204: Manitoba").contains("+1 305: Florida");
  }

  @Test
  void shouldGiveTheCountryOfANumberOutsideNorthAmerica() {
    Whereabouts where = PlaceFinder.whereabouts(null, null, List.of("+4930901820"));

    assertThat(where.regions()).containsExactly(Region.of("DE"));
    assertThat(where.source()).isEqualTo("from the country code +49: Germany");
  }

  @Test
  void shouldKnowNothingWhenThereIsNoNumberAndNoProfile() {
    assertThat(PlaceFinder.whereabouts(null, null, List.of()).known()).isFalse();
    assertThat(PlaceFinder.whereabouts(" ", null, List.of("not a number")).known()).isFalse();
  }
}
