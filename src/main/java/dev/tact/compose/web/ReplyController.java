package dev.tact.compose.web;

import dev.tact.compose.Replies;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reply box of the conversation page: the reply is added and queued for delivery by {@link Replies}. */
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
  String reply(@PathVariable long number, @RequestParam(defaultValue = "") String text, Authentication auth,
      RedirectAttributes redirect) {
    UUID id = conversations.findByReference(Long.toString(number))
        .orElseThrow(() -> new ProblemException(404, "conversation-not-found", "Conversation not found",
            "There is no conversation #" + number + "."))
        .id();
    return Flash.run(redirect, "/conversations/" + number, "Reply added.",
        () -> replies.reply(id, actors.of(auth), text));
  }
}
