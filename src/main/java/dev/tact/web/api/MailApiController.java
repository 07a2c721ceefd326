package dev.tact.web.api;

import dev.tact.intake.Acknowledgement;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.MessageIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Raw email over HTTP, for a mail server's pipe transport or an integration that already holds the MIME. */
@RestController
@RequestMapping("/api/v1/mail")
@Tag(name = "Messages", description = "Inbound messages from any channel")
class MailApiController {

  private final MessageIntake intake;

  MailApiController(MessageIntake intake) {
    this.intake = intake;
  }

  @Operation(summary = "Accept a raw email (message/rfc822)",
      description = "Stores the MIME bytes exactly as sent and answers 202 once they are committed; the message is "
          + "parsed, threaded and filed shortly after. Mail that cannot be parsed is parked for an admin, not dropped.")
  @PostMapping(consumes = "message/rfc822")
  ResponseEntity<MessagesApiController.Accepted> accept(@RequestBody byte[] raw,
      @RequestParam(required = false) String envelopeSender, @RequestParam(required = false) List<String> recipient) {
    Acknowledgement ack = intake.submitMail(new IncomingMail(raw, "api", null, envelopeSender, recipient, null));
    String statusUrl = "/api/v1/messages/" + ack.itemId();
    return ResponseEntity.accepted().location(URI.create(statusUrl)).body(
        new MessagesApiController.Accepted(ack.itemId(), ack.messageId(), ack.redelivery(), ack.receivedAt(), statusUrl));
  }
}
