package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTests {

  @Test
  void shouldUseTheSingularOnlyWhenTheCountIsOne() {
    assertThat(Wording.count(1, "identity", "identities")).isEqualTo("1 identity");
    assertThat(Wording.count(2, "identity", "identities")).isEqualTo("2 identities");
    assertThat(Wording.count(0, "number", "numbers")).isEqualTo("0 numbers");
  }

  @Test
  void shouldJoinWordsAsInASentenceWhenListed() {
    assertThat(Wording.list(List.of())).isEmpty();
    assertThat(Wording.list(List.of("vip"))).isEqualTo("vip");
    assertThat(Wording.list(List.of("vip", "needs follow up"))).isEqualTo("vip and needs follow up");
    assertThat(Wording.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
  }
}
