package dev.tact.compose.web;

import dev.tact.compose.CopyAddresses;
import dev.tact.compose.HeldReplies;
import dev.tact.compose.HeldReply;
import dev.tact.compose.Replies;
import dev.tact.compose.ReplySender;
import dev.tact.conversation.Actor;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.conversation.Status;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import dev.tact.mail.OutgoingMail;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code POST /api/v1/conversations/{reference}/replies}: a reply sent by {@link ReplySender}. Optional {@code
 * channel} ({@code email}, {@code sms}, {@code social}) and/or {@code to} (one of the contact's identities) send it
 * another way than the conversation's own, if the contact policy allows it (409 otherwise); a channel or identity that
 * does not fit answers 422. {@code cc}/{@code bcc} (email only), {@code thenStatus} ("send and set status"). Without
 * {@code undoSeconds} (and {@code coolOff}) the reply is written at once (201, the message and its delivery); with
 * them it is held (202) and can be undone ({@code POST …/replies/held/{id}/undo}) until it leaves.
 */
@ApiController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations")
class RepliesApiController {

  /** The reply: its text, and optionally another way, copies, a status, and a hold. */
  record ReplyRequest(String text, String channel, String to, List<String> cc, List<String> bcc, String thenStatus,
      Integer undoSeconds, Boolean coolOff, List<FileRequest> attachments) {}

  /** A file sent with the reply: its name, type and content in base64. */
  record FileRequest(String filename, String contentType, String content) {

    OutgoingMail.Attachment attachment() {
      try {
        return new OutgoingMail.Attachment(filename, contentType == null || contentType.isBlank()
            ? "application/octet-stream" : contentType.strip(), Base64.getMimeDecoder().decode(content == null
            ? "" : content));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("invalid-attachment", "The content of '" + filename + "' is not base64.");
      }
    }
  }

  /** Where the reply went: its outbox state, channel and recipient, and why it was not delivered when it was not. */
  record Delivery(String state, String channel, String to, boolean deliverable, String reason) {}

  /** The reply as stored (the same fields as a conversation's message), with its delivery. */
  record ReplyResponse(UUID id, Direction direction, Channel channel, UUID contactId, UUID authorAgentId,
      String authorName, String body, String fullBody, boolean automatic, String externalId, Instant createdAt,
      Delivery delivery) {}

  /** A held reply: {@code state} held, released (then {@code messageId}), undone or failed (then {@code reason}). */
  record HeldResponse(UUID id, UUID conversationId, String state, String text, Instant sendAt, List<String> cc,
      List<String> bcc, String thenStatus, int coolOffSeconds, UUID messageId, String reason, String undo) {}

  private final ConversationManagement conversations;
  private final ReplySender sender;
  private final HeldReplies held;
  private final CopyAddresses copies;
  private final Actors actors;
  private final Outbox outbox;

  RepliesApiController(ConversationManagement conversations, ReplySender sender, HeldReplies held,
      CopyAddresses copies, Actors actors, Outbox outbox) {
    this.conversations = conversations;
    this.sender = sender;
    this.held = held;
    this.copies = copies;
    this.actors = actors;
    this.outbox = outbox;
  }

  @PostMapping("/{reference}/replies")
  @Operation(summary = "Reply to the customer", description = "Optional channel (email, sms, social) or to (one of "
      + "the contact's identities) sends it another way, after the contact policy; cc and bcc (email only); "
      + "thenStatus sets the conversation's status with it; attachments as base64 (email only). A reply with no "
      + "way out is kept with delivery.state "
      + "'undeliverable' and the reason; it does not count as a response. undoSeconds (0-60) and coolOff (the tone "
      + "check flagged it: tact.compose.cool-off longer) hold it: 202 with the held reply, which can be undone.")
  ResponseEntity<?> reply(@PathVariable String reference, @RequestBody ReplyRequest request,
      Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("empty-text", "The text must not be empty.");
    }
    UUID id = conversations.requireByReference(reference).id();
    ReplyVia via = new ReplyVia(request.channel() == null || request.channel().isBlank() ? null
        : Channel.parse(request.channel()), request.to());
    Replies.Options options = new Replies.Options(via, copies.parse("cc", request.cc()),
        copies.parse("bcc", request.bcc()), request.thenStatus() == null || request.thenStatus().isBlank() ? null
        : Status.parse(request.thenStatus()), Boolean.TRUE.equals(request.coolOff()),
        request.attachments() == null ? List.of()
            : request.attachments().stream().map(FileRequest::attachment).toList());
    Duration window = Duration.ofSeconds(request.undoSeconds() == null ? 0 : request.undoSeconds());
    ReplySender.Sent sent = sender.send(id, actors.of(authentication), request.text(), options, window);
    if (sent.isHeld()) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(held(reference, sent.held()));
    }
    Replies.Replied replied = sent.replied();
    Message m = replied.message();
    OutboxEntry entry = outbox.ofMessage(m.id()).orElse(null);
    Delivery delivery = new Delivery(entry == null ? null : entry.state().name().toLowerCase(Locale.ROOT),
        replied.route().channel().id(), replied.route().recipient(), replied.route().deliverable(),
        replied.route().deliverable() ? null : replied.route().whyNot());
    return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyResponse(m.id(), m.direction(), m.channel(),
        m.contactId(), m.authorAgentId(), m.authorName(), m.body(), m.fullBody(), m.automatic(), m.externalId(),
        m.createdAt(), delivery));
  }

  @GetMapping("/{reference}/replies/held/{id}")
  @Operation(summary = "A held reply", description = "Its state: held, released (messageId), undone or failed.")
  HeldResponse find(@PathVariable String reference, @PathVariable UUID id) {
    return held(reference, require(reference, id));
  }

  @PostMapping("/{reference}/replies/held/{id}/undo")
  @Operation(summary = "Undo a held reply", description = "Nothing is written or sent; the text is answered (and "
      + "kept as the agent's draft). 409 too-late once it left, 403 for another author's reply.")
  HeldResponse undo(@PathVariable String reference, @PathVariable UUID id, Authentication authentication) {
    require(reference, id);
    Actor actor = actors.of(authentication);
    return held(reference, held.undo(id, actor));
  }

  private HeldReply require(String reference, UUID id) {
    UUID conversation = conversations.requireByReference(reference).id();
    return held.find(id).filter(h -> h.conversationId().equals(conversation))
        .orElseThrow(() -> new ProblemException(404, "held-reply-not-found", "Held reply not found",
            "No held reply with id " + id + "."));
  }

  private static HeldResponse held(String reference, HeldReply h) {
    return new HeldResponse(h.id(), h.conversationId(), h.state().name().toLowerCase(Locale.ROOT), h.body(),
        h.sendAt(), h.cc(), h.bcc(), h.thenStatus() == null ? null : h.thenStatus().id(), h.coolOffSeconds(),
        h.messageId(), h.reason(), "/api/v1/conversations/" + reference + "/replies/held/" + h.id() + "/undo");
  }
}
