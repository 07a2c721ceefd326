package dev.tact.conversation;

import java.util.UUID;

/**
 * Who else takes part in a conversation, as another module knows it (noise control's linked reporters,
 * say). The conversation module asks every such bean, beside its own requester and senders, before it
 * lets a message join a conversation by the number in its subject.
 */
public interface ParticipantSource {

  /** Whether this contact takes part in this conversation in a way the implementing module records. */
  boolean takesPart(UUID conversationId, UUID contactId);
}
