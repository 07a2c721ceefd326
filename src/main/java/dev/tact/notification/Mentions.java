package dev.tact.notification;

import dev.tact.staff.Agent;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Who a note mentions: "@" followed by an active agent's display name ("@Bo Jensen") or the part of their address
 * before the "@" ("@bo.jensen"), in any case, not followed by a letter or digit. Where two names start alike the
 * longer one wins ("@Bo Jensen" is Bo Jensen, not Bo). Plain Java, no Spring.
 */
final class Mentions {

  private Mentions() {}

  record Handle(UUID agentId, String text) {}

  /** The agents the text mentions, in the order they first appear. */
  static Set<UUID> in(String text, List<Agent> agents) {
    Set<UUID> found = new LinkedHashSet<>();
    if (text == null || text.indexOf('@') < 0) {
      return found;
    }
    List<Handle> handles = agents.stream().filter(Agent::active)
        .flatMap(a -> java.util.stream.Stream.of(new Handle(a.id(), a.displayName()),
            new Handle(a.id(), a.email().substring(0, a.email().indexOf('@')))))
        .filter(h -> h.text() != null && !h.text().isBlank())
        .map(h -> new Handle(h.agentId(), h.text().strip().toLowerCase(Locale.ROOT)))
        .sorted(Comparator.comparingInt((Handle h) -> h.text().length()).reversed()).toList();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
      if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
        continue; // part of an email address written in the note, not a mention
      }
      for (Handle handle : handles) {
        int end = at + 1 + handle.text().length();
        if (lower.startsWith(handle.text(), at + 1) && (end == lower.length() || !isNamePart(lower.charAt(end)))) {
          found.add(handle.agentId());
          break;
        }
      }
    }
    return found;
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
