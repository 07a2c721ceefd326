package dev.tact.survey;

import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A conversation solved: its survey is decided after the change committed, in a transaction of its own. */
@Component
class SurveyListener {

  private final Surveys surveys;

  SurveyListener(Surveys surveys) {
    this.surveys = surveys;
  }

  @ApplicationModuleListener
  void on(StatusChanged changed) {
    if (changed.to() == Status.SOLVED && changed.from() != Status.SOLVED) {
      surveys.decide(changed.conversationId());
    }
  }
}
