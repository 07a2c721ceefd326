package dev.tact.incident;

import dev.tact.shared.Channel;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a linked conversation is filed under, as the incidents panel filters by it: team, assignee, channel and its
 * intent tags ({@code ,intent:billing,}: each between commas, in name order; null for none).
 */
record LinkFiling(UUID teamId, UUID assigneeId, Channel channel, String intentTags) {

  static final LinkFiling NONE = new LinkFiling(null, null, null, null);

  static LinkFiling of(UUID teamId, UUID assigneeId, Channel channel, Collection<String> tags) {
    String intents = tags.stream().filter(t -> t.startsWith(INTENT_PREFIX)).sorted().distinct()
        .collect(Collectors.joining(","));
    return new LinkFiling(teamId, assigneeId, channel, intents.isEmpty() ? null : "," + intents + ",");
  }

  /** The intent tag the dashboard's intent filter means ({@code billing_question}: {@code intent:billing-question}). */
  static String intentTag(String intent) {
    return INTENT_PREFIX + intent.replace('_', '-');
  }

  private static final String INTENT_PREFIX = "intent:";
}
