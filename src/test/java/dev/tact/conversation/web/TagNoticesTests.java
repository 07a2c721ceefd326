package dev.tact.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagNoticesTests {

  @Test
  void shouldNameTheTagsAddedAndThoseAlreadyThereWhenAdding() {
    assertThat(TagNotices.added(List.of("needs follow up"), List.of())).isEqualTo("Tag “needs follow up” added.");
    assertThat(TagNotices.added(List.of("needs follow up", "vip"), List.of("intent:billing")))
        .isEqualTo("Tags “needs follow up” and “vip” added.");
    assertThat(TagNotices.added(List.of("vip", "urgent", "billing"), List.of("urgent", "billing")))
        .isEqualTo("Tag “vip” added. “urgent” and “billing” were already tags.");
    assertThat(TagNotices.added(List.of("vip"), List.of("vip"))).isEqualTo("“vip” was already a tag.");
  }

  @Test
  void shouldNameTheTagRemovedOrSayItWasNotThereWhenRemoving() {
    assertThat(TagNotices.removed("needs follow up", true)).isEqualTo("Tag “needs follow up” removed.");
    assertThat(TagNotices.removed("vip", false)).isEqualTo("“vip” was not a tag here.");
  }
}
