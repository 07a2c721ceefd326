package dev.tact.intake.web;

import dev.tact.intake.Acknowledgement;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.Submitter;
import dev.tact.mail.AttachmentResponses;
import dev.tact.mail.HtmlSanitizer;
import dev.tact.mail.MailArchive;
import dev.tact.mail.StoredAttachment;
import dev.tact.mail.StoredMail;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Raw email over HTTP, for a mail server's pipe transport or an integration that already holds the MIME. */
@ApiController
@RequestMapping("/api/v1/mail")
@Tag(name = "Messages", description = "Inbound messages from any channel")
class MailApiController {

  /**
   * The mail behind a conversation message; {@code safeHtml} is sanitised, remote content blocked.
   * {@code authentication} is the verdict on the sender from the trusted receiving host's Authentication-Results:
   * authenticated, failed or unknown; {@code authenticationPassed} whether the mail could act with its sender's
   * authority (record an opt-out, count as staff, a VIP or a known customer).
   */
  record MailDetails(UUID messageId, String headerMessageId, String fromAddress, String fromName, String to, String cc,
      String subject, Instant sentAt, String fullText, String safeHtml, boolean textFromHtml, String automaticKind,
      String automaticReasons, String originalFrom, String originalSubject, String originalDate, String forwardedBy,
      String forwardComment, UUID bouncedMessageId, String defects, List<StoredAttachment> attachments,
      String authentication, boolean authenticationPassed, String authenticationReason,
      String authenticationResults) {

    static MailDetails of(StoredMail m) {
      return new MailDetails(m.messageId(), m.headerMessageId(), m.fromAddress(), m.fromName(), m.to(), m.cc(),
          m.subject(), m.sentAt(), m.fullText(), m.html() == null ? null : HtmlSanitizer.sanitize(m.html(), false,
              cid -> null), m.textFromHtml(), m.automaticKind().name().toLowerCase(Locale.ROOT), m.automaticReasons(),
          m.originalFrom(), m.originalSubject(), m.originalDate(), m.forwardedBy(), m.forwardComment(),
          m.bouncedMessageId(), m.defects(), m.attachments(),
          m.authentication().verdict().name().toLowerCase(Locale.ROOT), m.authentication().passes(),
          m.authentication().reason(), m.authentication().results());
    }
  }

  private final MessageIntake intake;
  private final MailArchive archive;
  private final MailUploads uploads;
  private final StaffPrincipals principals;

  MailApiController(MessageIntake intake, MailArchive archive, MailUploads uploads, StaffPrincipals principals) {
    this.intake = intake;
    this.archive = archive;
    this.uploads = uploads;
    this.principals = principals;
  }

  @Operation(summary = "The email behind a conversation message",
      description = "Headers, the whole text, the sanitised HTML, the automatic-mail and sender-authentication "
          + "verdicts, the forward and the attachments of a message that came by email.")
  @GetMapping("/messages/{messageId}")
  MailDetails mail(@PathVariable UUID messageId) {
    return archive.find(messageId).map(MailDetails::of)
        .orElseThrow(() -> ProblemException.notFound("mail", messageId));
  }

  @Operation(summary = "An attachment's content", description = "Always served as a download, never sniffed.")
  @GetMapping("/messages/{messageId}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable UUID messageId, @PathVariable UUID attachmentId) {
    return archive.attachment(messageId, attachmentId).map(AttachmentResponses::of)
        .orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
  }

  @Operation(summary = "Accept a raw email (message/rfc822)",
      description = "Stores the MIME bytes exactly as sent and answers 202 once they are committed; the message is "
          + "parsed, threaded and filed shortly after. Mail that cannot be parsed is parked for an admin, not dropped. "
          + "Larger than tact.intake.max-mail-bytes: 413; more uploads at once than "
          + "tact.intake.max-concurrent-mail-uploads: 429 with Retry-After.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = "message/rfc822", schema = @Schema(type = "string", format = "binary")))
  @PostMapping(consumes = "message/rfc822")
  ResponseEntity<AcceptedMessage> accept(HttpServletRequest request,
      @RequestParam(required = false) String envelopeSender, @RequestParam(required = false) List<String> recipient,
      Authentication authentication) throws IOException {
    Acknowledgement ack;
    try (MailUploads.Slot slot = uploads.take()) {
      // The request's stream refuses to go past the limit (RequestBodyGuard); one byte more is asked for all the
      // same, so that a stream without that guard still ends in 413 rather than a cut mail.
      byte[] raw = request.getInputStream().readNBytes(intake.maxMailBytes() + 1);
      ack = intake.submitMail(new IncomingMail(raw, "api", null, envelopeSender, recipient, null),
          Submitter.of(authentication, principals));
    }
    AcceptedMessage accepted = AcceptedMessage.of(ack);
    return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
  }
}
