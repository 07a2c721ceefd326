package dev.tact.routing;

import dev.tact.staff.Tier;
import java.util.UUID;

/**
 * A rule that overrides the model: when a new conversation's sender ({@code SENDER}: an address
 * or {@code @domain}), a word of its subject or first message ({@code KEYWORD}), its channel
 * ({@code CHANNEL}), the customer's tier ({@code TIER}, e.g. {@code vip}; {@code standard} when none is set) or the
 * address the customer's first mail was sent to ({@code MAILBOX}: an address or {@code @domain}, read from To and Cc)
 * matches, it gets this intent and/or team, and is escalated to {@code escalateTo} when that is set. Rules are
 * tried in position order; the first match decides.
 */
public record RoutingRule(UUID id, int position, Kind kind, String value, String intent, UUID teamId,
    Tier escalateTo) {

  public enum Kind {
    SENDER,
    KEYWORD,
    CHANNEL,
    TIER,
    MAILBOX
  }
}
