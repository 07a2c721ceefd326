package dev.tact.compose.web;

import dev.tact.compose.Replies;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code POST /api/v1/conversations/{reference}/replies}: a reply added and queued for delivery by {@link Replies}.
 * Optional {@code channel} ({@code email}, {@code sms}, {@code social}) and/or {@code to} (one of the contact's
 * identities) send it another way than the conversation's own, if the contact policy allows it (409 otherwise); a
 * channel or identity that does not fit answers 422. The answer says where the reply went and its outbox state: a reply
 * with no way out is stored, and its {@code delivery} says {@code undeliverable} and why.
 */
@ApiController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations")
class RepliesApiController {

  /** The reply: its text, and optionally another way to send it. */
  record ReplyRequest(String text, String channel, String to) {}

  /** Where the reply went: its outbox state, channel and recipient, and why it was not delivered when it was not. */
  record Delivery(String state, String channel, String to, boolean deliverable, String reason) {}

  /** The reply as stored (the same fields as a conversation's message), with its delivery. */
  record ReplyResponse(UUID id, Direction direction, Channel channel, UUID contactId, UUID authorAgentId,
      String authorName, String body, String fullBody, boolean automatic, String externalId, Instant createdAt,
      Delivery delivery) {}

  private final ConversationManagement conversations;
  private final Replies replies;
  private final Actors actors;
  private final Outbox outbox;

  RepliesApiController(ConversationManagement conversations, Replies replies, Actors actors, Outbox outbox) {
    this.conversations = conversations;
    this.replies = replies;
    this.actors = actors;
    this.outbox = outbox;
  }

  @PostMapping("/{reference}/replies")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Reply to the customer", description = "Optional channel (email, sms, social) or to (one of "
      + "the contact's identities) sends it another way, after the contact policy. A reply with no way out is kept "
      + "with delivery.state 'undeliverable' and the reason; it does not count as a response.")
  ReplyResponse reply(@PathVariable String reference, @RequestBody ReplyRequest request,
      Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("empty-text", "The text must not be empty.");
    }
    UUID id = conversations.requireByReference(reference).id();
    ReplyVia via = new ReplyVia(request.channel() == null || request.channel().isBlank() ? null
        : Channel.parse(request.channel()), request.to());
    Replies.Replied replied = replies.reply(id, actors.of(authentication), request.text(), via);
    Message m = replied.message();
    OutboxEntry entry = outbox.ofMessage(m.id()).orElse(null);
    Delivery delivery = new Delivery(entry == null ? null : entry.state().name().toLowerCase(java.util.Locale.ROOT),
        replied.route().channel().id(), replied.route().recipient(), replied.route().deliverable(),
        replied.route().deliverable() ? null : replied.route().whyNot());
    return new ReplyResponse(m.id(), m.direction(), m.channel(), m.contactId(), m.authorAgentId(), m.authorName(),
        m.body(), m.fullBody(), m.automatic(), m.externalId(), m.createdAt(), delivery);
  }
}
