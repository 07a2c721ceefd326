package dev.tact.conversation;

import dev.tact.shared.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.Ids;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageAddedTests {

  private static final int EVENT_LOG_COLUMN = 16_000;

  @Test
  void shouldCarryAShortMessagesWholeText() {
    MessageAdded added = MessageAdded.of(Ids.newId(), message("Please cancel my order."), Ids.newId(), false);

    assertThat(added.text()).isEqualTo("Please cancel my order.");
    assertThat(added.textComplete()).isTrue();
  }

  @Test
  void shouldCarryALongMessagesBeginningAndFitTheEventLogWhenEveryCharacterNeedsEscaping() {
    String worst = "\u0001".repeat(MessageAdded.MAX_TEXT * 3);
    MessageAdded added = MessageAdded.of(Ids.newId(), message(worst), Ids.newId(), true);

    assertThat(added.text()).hasSize(MessageAdded.MAX_TEXT);
    assertThat(added.textComplete()).isFalse();
    assertThat(JsonMapper.builder().build().writeValueAsString(added)).hasSizeLessThan(EVENT_LOG_COLUMN);
  }

  @Test
  void shouldNotSplitACharacterOutsideTheBasicPlaneAtTheLimit() {
    String text = "a".repeat(MessageAdded.MAX_TEXT - 1) + "😀" + "more";
    MessageAdded added = MessageAdded.of(Ids.newId(), message(text), Ids.newId(), false);

    assertThat(added.text()).isEqualTo("a".repeat(MessageAdded.MAX_TEXT - 1));
  }

  private static Message message(String body) {
    return new Message(Ids.newId(), Direction.INBOUND, Channel.EMAIL, Ids.newId(), null, "Pat", body, null, false,
        null, Instant.parse("2026-12-06T08:00:00Z"));
  }
}
