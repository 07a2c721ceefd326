package dev.tact.compose.web;

import dev.tact.compose.Replies;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** {@code POST /api/v1/conversations/{reference}/replies}: a reply added and queued for delivery by {@link Replies}. */
@ApiController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations")
class RepliesApiController {

  /** The same shape as the conversation API's text bodies (notes), so the API documents one schema. */
  record TextRequest(String text) {}

  private final ConversationManagement conversations;
  private final Replies replies;
  private final Actors actors;

  RepliesApiController(ConversationManagement conversations, Replies replies, Actors actors) {
    this.conversations = conversations;
    this.replies = replies;
    this.actors = actors;
  }

  @PostMapping("/{reference}/replies")
  @ResponseStatus(HttpStatus.CREATED)
  Message reply(@PathVariable String reference, @RequestBody TextRequest request, Authentication authentication) {
    return replies.reply(conversations.requireByReference(reference).id(), actors.of(authentication),
        request.text());
  }
}
