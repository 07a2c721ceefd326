package dev.tact.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.TeamSkills.Skills;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamChooserTests {

  private static final Skills GERMAN = new Skills(List.of("de"), List.of());
  private static final Skills ANY = new Skills(List.of(), List.of());
  private static final Skills FRENCH_MESH = new Skills(List.of("fr"), List.of("Mesh 7", "Cloud Backup"));

  @Test
  void shouldPreferTheLanguageThenATeamWithoutLanguageThenAnotherLanguage() {
    Optional<String> de = Optional.of("de");
    assertThat(TeamChooser.score(GERMAN, de, "")).isGreaterThan(TeamChooser.score(ANY, de, ""));
    assertThat(TeamChooser.score(ANY, de, "")).isGreaterThan(TeamChooser.score(FRENCH_MESH, de, "mesh 7 cloud backup"));
  }

  @Test
  void shouldLetProductsDecideBetweenTeamsOfTheSameLanguageStanding() {
    String text = "my mesh 7 and the cloud backup";
    assertThat(TeamChooser.score(FRENCH_MESH, Optional.of("fr"), text))
        .isGreaterThan(TeamChooser.score(new Skills(List.of("fr"), List.of()), Optional.of("fr"), text));
    assertThat(TeamChooser.score(FRENCH_MESH, Optional.empty(), text)).isEqualTo(2);
    assertThat(TeamChooser.score(GERMAN, Optional.empty(), text)).isZero();
  }
}
