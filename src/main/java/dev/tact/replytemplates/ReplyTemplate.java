package dev.tact.replytemplates;

import dev.tact.conversation.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reply template, and a macro when it has actions.
 *
 * @param ownerId the agent whose personal template it is; null for a shared one
 * @param body the text with merge fields such as {@code {{contact.family_name}}}
 * @param setStatus the status a macro sets; null leaves it
 * @param addTags tags a macro adds (none for a plain template)
 * @param setTeamId the team a macro moves the conversation to; null leaves it
 */
public record ReplyTemplate(UUID id, UUID ownerId, String name, String body, Status setStatus, List<String> addTags,
    UUID setTeamId, Instant createdAt, Instant updatedAt) {

  public ReplyTemplate {
    addTags = List.copyOf(addTags);
  }

  public boolean shared() {
    return ownerId == null;
  }

  /** True when applying it does more than fill the reply box. */
  public boolean macro() {
    return setStatus != null || !addTags.isEmpty() || setTeamId != null;
  }
}
