package dev.tact.conversation;

import java.util.List;

/** What a bulk change did: the conversations changed, and each that was not with the reason. */
public record BulkOutcome(List<Long> changed, List<Failure> failed) {

  /** One conversation the change was refused for: its number (0 when it was not found), the problem's code. */
  public record Failure(long number, String reference, String code, String detail) {}

  /** For people: "3 changed" and, when some failed, which and why. */
  public String summary() {
    String done = changed.size() + " conversation" + (changed.size() == 1 ? "" : "s") + " changed";
    if (failed.isEmpty()) {
      return done + ".";
    }
    return done + "; " + failed.size() + " not: " + String.join("; ", failed.stream()
        .map(f -> (f.number() > 0 ? "#" + f.number() : f.reference()) + " (" + f.detail() + ")").toList()) + ".";
  }
}
