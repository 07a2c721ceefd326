package dev.tact.intake.web;

import dev.tact.intake.Acknowledgement;
import dev.tact.intake.InboundItem;
import dev.tact.intake.InboundItems;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.intake.Submitter;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.ApiScope;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.TokenPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ProblemDetails;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

@ApiController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages", description = "Inbound messages from any channel")
class MessagesApiController {

  record ItemStatus(UUID itemId, String state, UUID messageId, UUID contactId, UUID conversationId, String error,
      String note) {}

  private final MessageIntake intake;
  private final InboundItems items;
  private final StaffPrincipals principals;

  MessagesApiController(MessageIntake intake, InboundItems items, StaffPrincipals principals) {
    this.intake = intake;
    this.items = items;
    this.principals = principals;
  }

  @Operation(summary = "Accept a message",
      description = "Stores the message durably and answers 202 once it is committed; the contact and conversation "
          + "are found or created shortly after. The same externalMessageId on the same channel is one message. "
          + "Ids, names, the subject, the channel and the conversation reference are one line each: a control "
          + "character (line break, tab, NUL...) in any of them is a 422 control-characters. A message naming its "
          + "conversation joins it; the conversation's history names the token that posted it.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AcceptedMessage> accept(@io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(schema = @Schema(implementation = MessageSubmission.class))) @RequestBody String body,
      Authentication authentication) {
    AcceptedMessage accepted = AcceptedMessage.of(intake.submitJson(body, Submitter.of(authentication, principals)));
    return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
  }

  /** One message of a batch: accepted or duplicate (committed; the status URL follows it), or rejected. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BatchResult(int index, String status, UUID itemId, UUID messageId, String statusUrl, ProblemDetail problem) {}

  record BatchAnswer(int accepted, int duplicates, int rejected, List<BatchResult> results) {}

  @Operation(summary = "Accept up to 1,000 messages at once",
      description = "A JSON array of messages (each as POST /api/v1/messages takes one), or NDJSON (one message a "
          + "line, Content-Type application/x-ndjson). Answers 200 once every message that passed its checks is "
          + "committed, with a result per message in order: accepted (itemId, messageId, statusUrl), duplicate (its "
          + "externalMessageId on that channel was seen before, in the log or earlier in the batch: the first one's "
          + "messageId) or rejected (a Problem Details object; nothing of that message is stored). More than 1,000 "
          + "messages: 413 batch-too-large, and nothing is stored; a body that is not an array: 400.")
  @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  BatchAnswer acceptBatch(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(array =
      @ArraySchema(schema = @Schema(implementation = MessageSubmission.class)))) @RequestBody byte[] body,
      Authentication authentication) {
    return batch(body, false, authentication);
  }

  @PostMapping(path = "/batch", consumes = "application/x-ndjson")
  BatchAnswer acceptBatchLines(@RequestBody byte[] body, Authentication authentication) {
    return batch(body, true, authentication);
  }

  private BatchAnswer batch(byte[] body, boolean ndjson, Authentication authentication) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(400, "malformed-request", "Malformed request", "The body is not UTF-8 text.");
    }
    List<MessageIntake.BatchItem> items = intake.submitBatch(text, ndjson, Submitter.of(authentication, principals));
    List<BatchResult> results = new ArrayList<>(items.size());
    int accepted = 0;
    int duplicates = 0;
    for (MessageIntake.BatchItem item : items) {
      Acknowledgement ack = item.acknowledgement();
      if (ack == null) {
        ProblemException e = item.problem();
        results.add(new BatchResult(item.index(), "rejected", null, null, null, ProblemDetails.of(e)));
      } else {
        if (ack.redelivery()) {
          duplicates++;
        } else {
          accepted++;
        }
        results.add(new BatchResult(item.index(), ack.redelivery() ? "duplicate" : "accepted", ack.itemId(),
            ack.messageId(), AcceptedMessage.statusUrl(ack.itemId()), null));
      }
    }
    return new BatchAnswer(accepted, duplicates, results.size() - accepted - duplicates, results);
  }

  @Operation(summary = "What became of an accepted message",
      description = "state is pending, done, duplicate (a redelivery of a stored message), suppressed (read and kept, "
          + "not filed: held by noise control's limits, or a bounce about nothing sent; note says which) or parked "
          + "(failed, kept for an admin). A token with only the intake scope sees only what it submitted itself.")
  @GetMapping("/{itemId}")
  ItemStatus status(@PathVariable UUID itemId, Authentication authentication) {
    // the scope rules let intake-only tokens here; which items they may see is a question of data, answered here
    InboundItem item = authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token
        && !token.can(ApiScope.READ) ? items.requireSubmittedBy(itemId, token.tokenId()) : items.require(itemId);
    return new ItemStatus(item.id(), item.state().name().toLowerCase(java.util.Locale.ROOT), item.messageId(),
        item.contactId(), item.conversationId(), item.lastError(), item.note());
  }
}
