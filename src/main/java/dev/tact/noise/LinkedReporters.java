package dev.tact.noise;

import dev.tact.conversation.ParticipantSource;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A contact whose copy of a message joined a conversation as a linked report takes part in it. */
@Component
class LinkedReporters implements ParticipantSource {

  private final ReportStore reports;

  LinkedReporters(ReportStore reports) {
    this.reports = reports;
  }

  @Override
  public boolean takesPart(UUID conversationId, UUID contactId) {
    return reports.hasReporter(conversationId, contactId);
  }
}
