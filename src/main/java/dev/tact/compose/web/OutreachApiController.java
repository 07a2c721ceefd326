package dev.tact.compose.web;

import dev.tact.compose.Outreach;
import dev.tact.conversation.Actors;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxEntry;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code POST /api/v1/contacts/{id}/conversations}: a conversation an agent or integration starts with a contact, by
 * email or text ({@link Outreach}). The contact policy is asked first: a refusal, or a channel with no way out, answers
 * 409 and creates nothing; bad input 422.
 */
@ApiController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Conversations")
class OutreachApiController {

  /** To one of the contact's identities ({@code to}) and/or by {@code channel} (email, sms). */
  record StartRequest(String to, String channel, String subject, String text) {}

  /** The conversation opened, its first message, and that message's outbox state. */
  record Started(UUID conversationId, long number, UUID messageId, String channel, String to, String state) {}

  private final Outreach outreach;
  private final Actors actors;
  private final Outbox outbox;

  OutreachApiController(Outreach outreach, Actors actors, Outbox outbox) {
    this.outreach = outreach;
    this.actors = actors;
    this.outbox = outbox;
  }

  @PostMapping("/{id}/conversations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start a conversation with a contact", description = "By email or text to one of the "
      + "contact's identities, after the contact policy: 409 (nothing created) when it refuses or the channel has no "
      + "way out.")
  Started start(@PathVariable UUID id, @RequestBody StartRequest request, Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("missing-recipient", "Give to (one of the contact's identities), a subject and "
          + "a text.");
    }
    ReplyVia via = new ReplyVia(request.channel() == null || request.channel().isBlank() ? null
        : Channel.parse(request.channel()), request.to());
    Outreach.Started started = outreach.start(id, via, request.subject(), request.text(), actors.of(authentication));
    OutboxEntry row = outbox.ofMessage(started.message().id()).orElse(null);
    return new Started(started.conversation().conversation().id(), started.conversation().conversation().number(),
        started.message().id(), started.route().channel().id(), started.route().recipient(),
        row == null ? null : row.state().name().toLowerCase(Locale.ROOT));
  }
}
