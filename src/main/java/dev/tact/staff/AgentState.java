package dev.tact.staff;

import java.util.Locale;

/** Where an agent's account stands: invited (no password yet), active, or deactivated (kept for history). */
public enum AgentState {
  INVITED,
  ACTIVE,
  DEACTIVATED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
