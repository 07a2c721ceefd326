package dev.tact.compose.web;

import dev.tact.compose.CopyAddresses;
import dev.tact.compose.Drafts;
import dev.tact.compose.HeldReplies;
import dev.tact.compose.HeldReply;
import dev.tact.compose.Replies;
import dev.tact.compose.ReplySender;
import dev.tact.conversation.Actor;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Status;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.time.Clock;
import java.time.Duration;
import dev.tact.mail.OutgoingMail;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply box of the conversation page: the reply is sent by {@link ReplySender} (held for the agent's undo window,
 * then added and queued by {@link Replies}). The agent may send it to another identity of the contact ({@code via});
 * the contact policy's answer for that way is shown first ("Ask the policy", or the first press of "Send" for a way
 * not yet asked), and only then is it sent. A reply that cannot leave is kept, and the page says so instead of "Reply
 * added." A held reply can be undone from the page until it leaves; the box saves its draft as the agent types.
 */
@UiController
class ReplyController {

  private final ConversationManagement conversations;
  private final Replies replies;
  private final ReplySender sender;
  private final HeldReplies held;
  private final Drafts drafts;
  private final CopyAddresses copies;
  private final Actors actors;
  private final Clock clock;

  ReplyController(ConversationManagement conversations, Replies replies, ReplySender sender, HeldReplies held,
      Drafts drafts, CopyAddresses copies, Actors actors, Clock clock) {
    this.conversations = conversations;
    this.replies = replies;
    this.sender = sender;
    this.held = held;
    this.drafts = drafts;
    this.copies = copies;
    this.actors = actors;
    this.clock = clock;
  }

  @PostMapping("/conversations/{number}/reply")
  String reply(@PathVariable long number, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String via, @RequestParam(defaultValue = "") String checkedVia,
      @RequestParam(defaultValue = "") String cc, @RequestParam(defaultValue = "") String bcc,
      @RequestParam(defaultValue = "") String thenStatus, @RequestParam(required = false) List<MultipartFile> files,
      @RequestParam(defaultValue = "send") String action, Authentication auth, RedirectAttributes redirect) {
    UUID id = conversationId(number);
    String back = "redirect:/conversations/" + number + "#reply-form";
    Actor actor = actors.of(auth);
    ReplyVia chosen = new ReplyVia(null, via);
    try {
      if ("check".equals(action) || (chosen.chosen() && !via.strip().equals(checkedVia.strip()))) {
        PolicyAnswer answer = PolicyAnswer.of(via.strip(), replies.check(id, chosen, actor));
        keep(redirect, text, via, cc, bcc);
        redirect.addFlashAttribute(ReplyOnConversationPage.CHECK, answer);
        if (!"check".equals(action)) {
          redirect.addFlashAttribute("notice", "Nothing sent yet: read the contact policy's answer for this way, "
              + "then press Send again.");
        }
        return back;
      }
      Replies.Options options = new Replies.Options(chosen, copies.parse("cc", cc), copies.parse("bcc", bcc),
          thenStatus.isBlank() ? null : Status.parse(thenStatus), false, attachments(files));
      ReplySender.Sent sent = sender.send(id, actor, text, options);
      if (sent.isHeld()) {
        long seconds = Math.max(1, Duration.between(clock.instant(), sent.held().sendAt()).toSeconds());
        redirect.addFlashAttribute("notice", "Reply will be sent in " + seconds + " s: you can still undo it.");
        return back;
      }
      Replies.Replied replied = sent.replied();
      if (replied.route().deliverable()) {
        redirect.addFlashAttribute("notice", chosen.chosen() ? "Reply added, sent by " + replied.route().channel().id()
            + " to " + replied.route().recipient() + "." : "Reply added.");
      } else {
        redirect.addFlashAttribute("problem", "Reply kept but " + replied.route().whyNot()
            + ". Send it another way from the reply box.");
        keep(redirect, "", "", "", "");
      }
    } catch (ProblemException e) {
      keep(redirect, text, via, cc, bcc);
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return back;
  }

  /** Undo of a held reply: its text comes back into the reply box, or the page says why it is too late. */
  @PostMapping("/conversations/{number}/reply/held/{heldId}/undo")
  String undo(@PathVariable long number, @PathVariable UUID heldId, Authentication auth,
      RedirectAttributes redirect) {
    conversationId(number);
    try {
      HeldReply undone = held.undo(heldId, actors.of(auth));
      keep(redirect, undone.body(), undone.via().to() == null ? "" : undone.via().to(),
          String.join(", ", undone.cc()), String.join(", ", undone.bcc()));
      redirect.addFlashAttribute("notice", "Reply undone: nothing was sent. Its text is back in the reply box.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/conversations/" + number + "#reply-form";
  }

  /** The reply box's autosave, as the agent types (debounced by the page): 204, or a problem for a bad draft. */
  @PostMapping("/conversations/{number}/reply/draft")
  @ResponseBody
  ResponseEntity<Void> saveDraft(@PathVariable long number, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String cc, @RequestParam(defaultValue = "") String bcc,
      Authentication auth) {
    Actor actor = actors.of(auth);
    if (actor.id() == null) {
      throw ProblemException.invalid("no-agent", "Drafts are kept for agents.");
    }
    drafts.save(actor.id(), conversationId(number), text, loose(cc), loose(bcc));
    return ResponseEntity.noContent().build();
  }

  /** The files chosen (a browser sends one empty part when none was). */
  static List<OutgoingMail.Attachment> attachments(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().filter(f -> !f.isEmpty()).map(f -> {
      try {
        return new OutgoingMail.Attachment(f.getOriginalFilename(), f.getContentType() == null
            ? "application/octet-stream" : f.getContentType(), f.getBytes());
      } catch (java.io.IOException e) {
        throw ProblemException.invalid("unreadable-attachment", "'" + f.getOriginalFilename()
            + "' could not be read; choose it again.");
      }
    }).toList();
  }

  /** Copies as typed, kept in a draft even while one is not yet a valid address. */
  private static List<String> loose(String typed) {
    return typed.isBlank() ? List.of() : List.of(typed.strip());
  }

  private UUID conversationId(long number) {
    return conversations.findByReference(Long.toString(number))
        .orElseThrow(() -> new ProblemException(404, "conversation-not-found", "Conversation not found",
            "There is no conversation #" + number + "."))
        .id();
  }

  private static void keep(RedirectAttributes redirect, String text, String via, String cc, String bcc) {
    redirect.addFlashAttribute(ReplyOnConversationPage.DRAFT, text);
    redirect.addFlashAttribute(ReplyOnConversationPage.VIA, via.strip());
    redirect.addFlashAttribute(ReplyOnConversationPage.CC, cc.strip());
    redirect.addFlashAttribute(ReplyOnConversationPage.BCC, bcc.strip());
  }
}
