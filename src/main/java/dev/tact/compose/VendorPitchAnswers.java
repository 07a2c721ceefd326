package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.noise.VendorPitchAnswerDue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Sends noise control's standard answer to a vendor pitch as the system's reply. */
@Component
class VendorPitchAnswers {

  private final Replies replies;

  VendorPitchAnswers(Replies replies) {
    this.replies = replies;
  }

  @ApplicationModuleListener
  void on(VendorPitchAnswerDue due) {
    replies.reply(due.conversationId(), Actor.system(), due.text());
  }
}
