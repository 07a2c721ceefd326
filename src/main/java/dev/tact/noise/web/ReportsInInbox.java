package dev.tact.noise.web;

import dev.tact.conversation.ConversationListContributor;
import dev.tact.conversation.ConversationSummary;
import dev.tact.noise.NoiseControl;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** How many people reported each conversation listed (linked reports), for the inbox's "reported by" badge. */
@Component
class ReportsInInbox implements ConversationListContributor {

  private final NoiseControl noise;

  ReportsInInbox(NoiseControl noise) {
    this.noise = noise;
  }

  @Override
  public void contribute(List<ConversationSummary> shown, Authentication authentication, Map<String, Object> model) {
    model.put("reportCounts", noise.reportCounts(shown.stream().map(ConversationSummary::id).toList()));
  }
}
