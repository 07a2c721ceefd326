package dev.tact.chat;

import dev.tact.delivery.ChannelMessage;
import dev.tact.delivery.ChannelSender;
import dev.tact.delivery.SendAttempt;
import dev.tact.shared.Channel;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat's way out. A reply in a chat conversation becomes the chat's next line in the transaction that stores it
 * ({@link ChatEvents}), so the visitor sees it at once; its outbox row, sent here, confirms that the line is there (or
 * writes it, were it missing) and fails with the reason once the chat has ended — by then the conversation is on email
 * and later replies are mailed. Configured while the widget is enabled.
 */
@Component
class ChatChannel implements ChannelSender {

  private static final String REPLY_KEY = "reply:";

  private final ChatProperties properties;
  private final ChatStore store;
  private final ChatBus bus;
  private final Clock clock;
  private final TransactionTemplate transactions;

  ChatChannel(ChatProperties properties, ChatStore store, ChatBus bus, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.store = store;
    this.bus = bus;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public Channel channel() {
    return Channel.CHAT;
  }

  @Override
  public String name() {
    return "Chat widget";
  }

  @Override
  public boolean configured() {
    return properties.enabled();
  }

  @Override
  public SendAttempt send(ChannelMessage message) {
    Optional<UUID> messageId = uuidAfter(message.key(), REPLY_KEY);
    Optional<UUID> conversationId = uuidAfter(message.recipient(), "chat:");
    if (messageId.isEmpty() || conversationId.isEmpty()) {
      return SendAttempt.failed(0, false, Optional.empty(), "Not a chat reply: " + message.key());
    }
    return transactions.execute(status -> {
      if (store.hasLineForMessage(messageId.get())) {
        return SendAttempt.sent(200, null);
      }
      return store.lockLiveOfConversation(conversationId.get()).map(chat -> {
        store.append(chat, ChatLine.Kind.AGENT, "Support", message.text(), messageId.get(), false, clock.instant());
        bus.publish(ChatSignal.of(ChatSignal.LINE, chat.id()));
        return SendAttempt.sent(200, null);
      }).orElseGet(() -> SendAttempt.failed(0, false, Optional.empty(),
          "The chat had ended before this reply reached it: reply by email."));
    });
  }

  private static Optional<UUID> uuidAfter(String value, String prefix) {
    if (value == null || !value.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.substring(prefix.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
