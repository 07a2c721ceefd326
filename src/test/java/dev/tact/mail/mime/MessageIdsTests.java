package dev.tact.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTests {

  @Test
  void shouldPickTheBareIdOutOfAReferencesValueWithALongRunOfGarbageBeforeIt() {
    // the bare-id pattern once read the run of x to its end from each of its positions (seconds)
    assertThat(MessageIds.all("x".repeat(20_000) + " 1234.5678@mail.example")).containsExactly("1234.5678@mail.example");
  }
}
