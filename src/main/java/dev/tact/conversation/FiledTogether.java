package dev.tact.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the inbound messages filed by some work in the current transaction and publishes them once, as
 * {@link MessagesFiled}, when the work returns (ADR 0058). Work that throws publishes nothing: its transaction, or
 * its savepoint, is rolled back with what it filed.
 */
@Component
public class FiledTogether {

  /** At most this many messages an event: a batch event must fit the publication log's column (16,000 chars). */
  public static final int MAX_PER_EVENT = 40;

  private static final Object KEY = new Object();

  private final ApplicationEventPublisher events;

  FiledTogether(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** Runs the work in the caller's transaction; what it files is published together after it (nested: by the outer). */
  public <T> T run(Supplier<T> work) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Messages are filed together only inside a transaction");
    }
    if (now()) {
      return work.get();
    }
    Collected filed = new Collected();
    TransactionSynchronizationManager.bindResource(KEY, filed);
    T result;
    try {
      result = work.get();
    } finally {
      TransactionSynchronizationManager.unbindResource(KEY);
    }
    List<FiledMessage> messages = filed.messages;
    for (int from = 0; from < messages.size(); from += MAX_PER_EVENT) {
      events.publishEvent(new MessagesFiled(messages.subList(from, Math.min(messages.size(), from + MAX_PER_EVENT))));
    }
    return result;
  }

  /**
   * Whether this message is being filed together with others, so that it will be in a {@link MessagesFiled}: an
   * after-commit listener that takes the batch leaves it out with {@code condition = "!@filedTogether.takes(#added)"}.
   * Any other message (an agent's reply, an automatic answer written while the batch is filed) is not.
   */
  public boolean takes(MessageAdded added) {
    return collected() instanceof Collected c && c.messageIds.contains(added.messageId());
  }

  /** Whether this conversation was opened by a message being filed together with others (as above). */
  public boolean takes(ConversationOpened opened) {
    return collected() instanceof Collected c && c.openedIds.contains(opened.conversationId());
  }

  /** Called before the message's own events are published, so that {@link #takes} knows it when they are. */
  void add(FiledMessage message) {
    if (collected() instanceof Collected c) {
      c.messages.add(message);
      c.messageIds.add(message.messageId());
      if (message.opened()) {
        c.openedIds.add(message.conversationId());
      }
    }
  }

  private boolean now() {
    return TransactionSynchronizationManager.hasResource(KEY);
  }

  private static Object collected() {
    return TransactionSynchronizationManager.getResource(KEY);
  }

  private static final class Collected {
    final List<FiledMessage> messages = new ArrayList<>();
    final Set<UUID> messageIds = new HashSet<>();
    final Set<UUID> openedIds = new HashSet<>();
  }
}
