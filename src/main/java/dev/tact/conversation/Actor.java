package dev.tact.conversation;

import java.util.UUID;

/** Who made a change: an agent, the customer (contact), or Tact itself. */
public record Actor(Kind kind, UUID id, String name) {

  public enum Kind {
    AGENT,
    CONTACT,
    SYSTEM
  }

  public static Actor agent(UUID id, String name) {
    return new Actor(Kind.AGENT, id, name);
  }

  public static Actor contact(UUID id, String name) {
    return new Actor(Kind.CONTACT, id, name);
  }

  public static Actor system() {
    return new Actor(Kind.SYSTEM, null, "Tact");
  }
}
