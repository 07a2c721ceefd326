package dev.tact.routing;

import java.util.UUID;

/**
 * A rule that overrides the model: when a new conversation's sender ({@code SENDER}: an address
 * or {@code @domain}), a word of its subject or first message ({@code KEYWORD}) or its channel
 * ({@code CHANNEL}) matches, it gets this intent and/or team. Rules are tried in position order.
 */
public record RoutingRule(UUID id, int position, Kind kind, String value, String intent, UUID teamId) {

  public enum Kind {
    SENDER,
    KEYWORD,
    CHANNEL
  }
}
