package dev.tact.conversation;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A filter of the inbox that another module answers from what it keeps (SLA: breached, due soon): the inbox reads
 * the request parameter named {@link #parameter()} and lists only the conversations selected.
 */
public interface ConversationListFilter {

  String parameter();

  /**
   * The value as the form shows it again and the conversations it selects; empty for a blank value. A value the
   * module does not know is a {@link dev.tact.shared.ProblemException} (400).
   */
  Optional<Selection> select(String value);

  record Selection(String value, Set<UUID> conversationIds) {}
}
