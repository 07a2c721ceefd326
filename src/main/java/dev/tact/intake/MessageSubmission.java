package dev.tact.intake;

import io.swagger.v3.oas.annotations.media.Schema;

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
    String conversation) {}
