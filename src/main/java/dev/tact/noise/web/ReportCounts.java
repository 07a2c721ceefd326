package dev.tact.noise.web;

import dev.tact.conversation.ConversationReportCounts;
import dev.tact.noise.NoiseControl;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Noise control's answer to how many linked reports each conversation listed has. */
@Component
class ReportCounts implements ConversationReportCounts {

  private final NoiseControl noise;

  ReportCounts(NoiseControl noise) {
    this.noise = noise;
  }

  @Override
  public Map<UUID, Integer> of(Collection<UUID> conversationIds) {
    return noise.reportCounts(conversationIds);
  }
}
