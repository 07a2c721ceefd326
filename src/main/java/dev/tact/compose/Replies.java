package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.delivery.ReplyDelivery;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's (or the system's) reply to a customer: the message joins the conversation and its
 * outbox row is written in the same transaction, so a reply is either stored and queued or neither.
 */
@Service
public class Replies {

  private final ConversationManagement conversations;
  private final ReplyDelivery delivery;

  Replies(ConversationManagement conversations, ReplyDelivery delivery) {
    this.conversations = conversations;
    this.delivery = delivery;
  }

  @Transactional
  public Message reply(UUID conversationId, Actor author, String text) {
    Message reply = conversations.reply(conversationId, author, text);
    delivery.queue(conversationId, reply);
    return reply;
  }
}
