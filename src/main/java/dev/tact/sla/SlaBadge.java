package dev.tact.sla;

import dev.tact.shared.web.UiFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A conversation's most urgent SLA status in a list: text and a CSS class (sla-breached, sla-warning, sla-ok, sla-paused). */
public record SlaBadge(String text, String css, String title) {

  /** The badges of conversations with an active target, from their states (see {@link SlaClocks#states}). */
  public static Map<UUID, SlaBadge> of(Map<UUID, ConversationSla> states, Collection<UUID> conversationIds) {
    Map<UUID, SlaBadge> badges = new HashMap<>();
    for (UUID id : conversationIds) {
      Optional.ofNullable(states.get(id)).flatMap(SlaBadge::of).ifPresent(badge -> badges.put(id, badge));
    }
    return badges;
  }

  /** The most urgent active target of the conversation, or empty when there is none. */
  public static Optional<SlaBadge> of(ConversationSla sla) {
    return sla.mostUrgent().map(SlaBadge::of);
  }

  private static SlaBadge of(SlaClockView c) {
    String what = c.metric().label();
    if (c.breached()) {
      return new SlaBadge("breached", "sla-breached", what + " breached");
    }
    if ("PAUSED".equals(c.state())) {
      return new SlaBadge("paused " + UiFormat.businessMinutes(c.leftMinutes()), "sla-paused",
          what + ": waiting on the customer");
    }
    boolean warned = c.warnedAt() != null || (c.warnAt() != null && c.leftMinutes() != null
        && c.targetMinutes() != null && c.leftMinutes() * 100 <= (long) c.targetMinutes() * 25);
    return new SlaBadge(UiFormat.businessMinutes(c.leftMinutes()) + " left", warned ? "sla-warning" : "sla-ok",
        what + " due " + c.dueAt());
  }
}
