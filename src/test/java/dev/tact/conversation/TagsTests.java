package dev.tact.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tag may be several words; commas separate tags. */
class TagsTests {

  @Test
  void shouldKeepATagWithSpacesAsOneTagWhenTyped() {
    assertThat(Tags.fromText("needs follow up")).containsExactly("needs follow up");
    assertThat(Tags.fromText(" Needs   Follow\tup , VIP,, ")).containsExactly("needs follow up", "vip");
  }

  @Test
  void shouldNormaliseCaseAndSpacesWhenGivenAsAList() {
    assertThat(Tags.normalise(List.of("Needs Follow Up", "needs  follow up", "intent:billing")))
        .containsExactly("needs follow up", "intent:billing");
  }

  @Test
  void shouldRefuseWhatIsNotATagWhenItIsGiven() {
    assertThatThrownBy(() -> Tags.normalise("not/a/tag")).isInstanceOf(ProblemException.class)
        .hasMessageContaining("is not a tag");
    assertThatThrownBy(() -> Tags.normalise("-leading dash")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Tags.normalise("x".repeat(65))).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Tags.fromText(" , ")).isInstanceOf(ProblemException.class)
        .hasMessage("Give at least one tag.");
  }

  @Test
  void shouldAcceptSixtyFourCharactersWithSpacesWhenTheyFit() {
    String tag = "a".repeat(30) + " " + "b".repeat(33);
    assertThat(Tags.normalise(tag)).hasSize(64);
  }
}
