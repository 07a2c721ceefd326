package dev.tact.compose.web;

import dev.tact.compose.Replies;
import dev.tact.conversation.Actor;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply box of the conversation page: the reply is added and queued for delivery by {@link Replies}. The agent
 * may send it to another identity of the contact ({@code via}); the contact policy's answer for that way is shown
 * first ("Ask the policy", or the first press of "Send" for a way not yet asked), and only then is it sent. A reply
 * that cannot leave is kept, and the page says so instead of "Reply added."
 */
@UiController
class ReplyController {

  private final ConversationManagement conversations;
  private final Replies replies;
  private final Actors actors;

  ReplyController(ConversationManagement conversations, Replies replies, Actors actors) {
    this.conversations = conversations;
    this.replies = replies;
    this.actors = actors;
  }

  @PostMapping("/conversations/{number}/reply")
  String reply(@PathVariable long number, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String via, @RequestParam(defaultValue = "") String checkedVia,
      @RequestParam(defaultValue = "send") String action, Authentication auth, RedirectAttributes redirect) {
    UUID id = conversations.findByReference(Long.toString(number))
        .orElseThrow(() -> new ProblemException(404, "conversation-not-found", "Conversation not found",
            "There is no conversation #" + number + "."))
        .id();
    String back = "redirect:/conversations/" + number + "#reply-form";
    Actor actor = actors.of(auth);
    ReplyVia chosen = new ReplyVia(null, via);
    try {
      if ("check".equals(action) || (chosen.chosen() && !via.strip().equals(checkedVia.strip()))) {
        PolicyAnswer answer = PolicyAnswer.of(via.strip(), replies.check(id, chosen, actor));
        keep(redirect, text, via);
        redirect.addFlashAttribute(ReplyOnConversationPage.CHECK, answer);
        if (!"check".equals(action)) {
          redirect.addFlashAttribute("notice", "Nothing sent yet: read the contact policy's answer for this way, "
              + "then press Send again.");
        }
        return back;
      }
      Replies.Replied replied = replies.reply(id, actor, text, chosen);
      if (replied.route().deliverable()) {
        redirect.addFlashAttribute("notice", chosen.chosen() ? "Reply added, sent by " + replied.route().channel().id()
            + " to " + replied.route().recipient() + "." : "Reply added.");
      } else {
        redirect.addFlashAttribute("problem", "Reply kept but " + replied.route().whyNot()
            + ". Send it another way from the reply box.");
        keep(redirect, "", "");
      }
    } catch (ProblemException e) {
      keep(redirect, text, via);
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return back;
  }

  private static void keep(RedirectAttributes redirect, String text, String via) {
    redirect.addFlashAttribute(ReplyOnConversationPage.DRAFT, text);
    redirect.addFlashAttribute(ReplyOnConversationPage.VIA, via.strip());
  }
}
