package dev.tact.staff;

import java.util.List;
import java.util.UUID;

/**
 * What an agent says about themselves: the name colleagues see, their time zone (a {@link java.time.ZoneId}; null when
 * not set), the signature for their replies, and the languages they answer in (ISO 639-1 codes, by preference).
 */
public record AgentProfile(UUID agentId, String email, String displayName, String timeZone, String signature,
    List<String> languages) {

  public AgentProfile {
    languages = List.copyOf(languages);
  }
}
