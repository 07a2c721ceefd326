package dev.tact.intake.web;

import dev.tact.intake.Mailbox;
import dev.tact.intake.MailboxRequest;
import dev.tact.intake.Mailboxes;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The support addresses Tact receives mail for, and their IMAP fetching (admin role only). */
@ApiController
@RequestMapping("/api/v1/admin/mailboxes")
@Tag(name = "Administration", description = "Admin role only")
class MailboxesApiController {

  record PollAnswer(UUID mailboxId, int fetched) {}

  private final Mailboxes mailboxes;

  MailboxesApiController(Mailboxes mailboxes) {
    this.mailboxes = mailboxes;
  }

  @GetMapping
  List<Mailbox> list() {
    return mailboxes.list();
  }

  @Operation(summary = "Add a mailbox", description = "imapPassword is stored encrypted and never returned; "
      + "passwordSet tells whether one is stored.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mailbox create(@RequestBody MailboxRequest request) {
    return mailboxes.create(request);
  }

  @GetMapping("/{id}")
  Mailbox get(@PathVariable UUID id) {
    return mailboxes.require(id);
  }

  @Operation(summary = "Replace a mailbox's settings", description = "Leave imapPassword out (or empty) to keep it.")
  @PutMapping("/{id}")
  Mailbox update(@PathVariable UUID id, @RequestBody MailboxRequest request) {
    return mailboxes.update(id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    mailboxes.delete(id);
  }

  @Operation(summary = "Poll the mailbox's IMAP folder now", description = "Answers how many messages were "
      + "committed to the inbound log; 502 imap-failed when the server failed (also kept as lastError).")
  @PostMapping("/{id}/poll")
  PollAnswer poll(@PathVariable UUID id) {
    return new PollAnswer(id, mailboxes.pollNow(id));
  }
}
