package dev.tact.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing found: a conversation (number, subject, status, channel, team, assignee, last activity) or a contact
 * (only {@code id} and {@code contactName}). Each highlight is HTML: the text escaped, the words found in
 * {@code <mark>}.
 */
public record SearchHit(Kind kind, UUID id, Long number, String subject, String status, String channel, UUID teamId,
    UUID assigneeId, UUID contactId, String contactName, Instant lastActivityAt, List<Highlight> highlights) {

  public enum Kind { CONVERSATION, CONTACT }

  /** Where the words were found ({@code subject}, {@code message}, {@code note}, ...) and the passage. */
  public record Highlight(String field, String html) {}
}
