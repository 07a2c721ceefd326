package dev.tact.conversation.report;

import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.shared.SqlTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps on the conversation what the dashboard counts, in the status change's own transaction: how often it came
 * back after being solved ({@code reopen_count}) and when it was last solved ({@code solved_at}).
 */
@Component
class StatusFacts {

  static final Set<Status> OPEN = EnumSet.of(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD);

  private final JdbcClient jdbc;
  private final OpenedFigures figures;

  StatusFacts(JdbcClient jdbc, OpenedFigures figures) {
    this.jdbc = jdbc;
    this.figures = figures;
  }

  @EventListener
  void on(StatusChanged change) {
    if (change.to() == Status.SOLVED) {
      jdbc.sql("UPDATE conv_conversation SET solved_at = :at WHERE id = :id")
          .param("at", SqlTime.utc(change.at())).param("id", change.conversationId()).update();
    } else if ((change.from() == Status.SOLVED || change.from() == Status.CLOSED) && OPEN.contains(change.to())) {
      jdbc.sql("UPDATE conv_conversation SET reopen_count = reopen_count + 1 WHERE id = :id")
          .param("id", change.conversationId()).update();
      figures.conversationChanged(change.conversationId());
    }
  }
}
