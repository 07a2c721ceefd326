package dev.tact.staff;

import java.util.Locale;

/** Escalation tiers of a team, from first line to lead: a conversation moves up with a reason. */
public enum Tier {
  FIRST_LINE("first line"),
  SPECIALIST("specialist"),
  LEAD("lead");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads "first line", "first_line", "specialist", "lead" in any case; null when it is none of them. */
  public static Tier parse(String value) {
    if (value == null) {
      return null;
    }
    String normal = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Tier tier : values()) {
      if (tier.name().equals(normal)) {
        return tier;
      }
    }
    return null;
  }
}
