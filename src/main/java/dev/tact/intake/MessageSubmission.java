package dev.tact.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A message as an integration posts it to {@code POST /api/v1/messages}. Only channel and
 * sender are required.
 */
@Schema(description = "An inbound message from any channel")
public record MessageSubmission(
    @Schema(description = "email, web, chat, phone, sms or social", example = "email", requiredMode = Schema.RequiredMode.REQUIRED)
    String channel,
    @Schema(description = "An email address, a phone number, or a handle such as twitter:@name",
        example = "ana@example.com", requiredMode = Schema.RequiredMode.REQUIRED)
    String sender,
    @Schema(description = "The sender's name as they wrote it", example = "Ana Souza") String name,
    @Schema(description = "Given name, kept exactly as written") String givenName,
    @Schema(description = "Family name, kept exactly as written") String familyName,
    @Schema(example = "Invoice 2231 charged twice") String subject,
    @Schema(example = "Hello, my card was charged twice for invoice 2231.") String text,
    @Schema(description = "The channel's own id of this message; the same id twice is one message")
    String externalMessageId,
    @Schema(description = "The channel's thread id; messages with the same thread join one open conversation")
    String externalThreadId,
    @Schema(description = "A conversation id or number (e.g. 1042) this message continues")
    String conversation,
    @Schema(description = "Labelled values the sender gave beside the text (a web form's extra fields, such as an "
        + "order number); shown among the conversation's facts") List<Field> fields,
    @Schema(description = "The id of the team a new conversation goes to (as a mailbox's team); routing rules may "
        + "still move it") java.util.UUID team) {

  /** Without labelled fields. */
  public MessageSubmission(String channel, String sender, String name, String givenName, String familyName,
      String subject, String text, String externalMessageId, String externalThreadId, String conversation) {
    this(channel, sender, name, givenName, familyName, subject, text, externalMessageId, externalThreadId,
        conversation, null, null);
  }

  public MessageSubmission {
    fields = fields == null ? List.of() : fields.stream().filter(java.util.Objects::nonNull).toList();
  }

  /** A value the sender gave under a label, e.g. "Order number": "A-1042". */
  @Schema(description = "A labelled value the sender gave")
  public record Field(@Schema(example = "Order number") String label, @Schema(example = "A-1042") String value) {}
}
