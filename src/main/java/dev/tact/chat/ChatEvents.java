package dev.tact.chat;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.conversation.MessageAdded;
import dev.tact.shared.Channel;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the chat learns from conversations, inside the transaction that stored the message (so the chat and the
 * conversation agree, whatever commits):
 * <ul>
 *   <li>a chat's first line was filed: the chat now knows its conversation, and its waiting lines may follow;</li>
 *   <li>a reply was added to a conversation with a chat going on (from the chat page or the conversation page):
 *       it becomes the chat's next line and is pushed to the visitor.</li>
 * </ul>
 * Both ignore every message that is not on the chat channel, without a query.
 */
@Component
class ChatEvents {

  private final ChatStore store;
  private final ChatBus bus;
  private final ConversationManagement conversations;
  private final Clock clock;

  ChatEvents(ChatStore store, ChatBus bus, ConversationManagement conversations, Clock clock) {
    this.store = store;
    this.bus = bus;
    this.conversations = conversations;
    this.clock = clock;
  }

  @EventListener
  void on(MessageAdded added) {
    if (added.channel() != Channel.CHAT) {
      return;
    }
    if (added.direction() == Direction.INBOUND) {
      store.learnConversation(added.messageId(), added.conversationId())
          .ifPresent(chat -> bus.publish(ChatSignal.of(ChatSignal.FILED, chat)));
    } else if (added.direction() == Direction.OUTBOUND) {
      store.lockLiveOfConversation(added.conversationId()).ifPresent(chat -> {
        if (store.hasLineForMessage(added.messageId())) {
          return;
        }
        Message reply = conversations.findMessage(added.messageId()).orElse(null);
        String text = reply != null ? reply.body() : added.text();
        String author = reply != null && reply.authorName() != null ? reply.authorName() : "Support";
        store.append(chat, ChatLine.Kind.AGENT, author, text, added.messageId(), false, clock.instant());
        bus.publish(ChatSignal.of(ChatSignal.LINE, chat.id()));
      });
    }
  }
}
