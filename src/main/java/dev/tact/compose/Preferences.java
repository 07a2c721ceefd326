package dev.tact.compose;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's own undo window, else {@code tact.compose.undo-window}. */
@Service
public class Preferences {

  private final JdbcClient jdbc;
  private final ComposeProperties properties;
  private final Clock clock;

  Preferences(JdbcClient jdbc, ComposeProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** The undo window this agent's replies are held for (null agent, e.g. an API token: the setting). */
  public Duration undoWindow(UUID agentId) {
    return chosenUndoWindow(agentId).orElse(properties.undoWindow());
  }

  public Optional<Duration> chosenUndoWindow(UUID agentId) {
    if (agentId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT undo_seconds FROM compose_preference WHERE agent_id = :agent").param("agent", agentId)
        .query(Integer.class).optional().map(Duration::ofSeconds);
  }

  /** Sets the agent's window (0 to 60 s; null: back to the setting). Out of range: 422, nothing saved. */
  @Transactional
  public void chooseUndoWindow(UUID agentId, Integer seconds) {
    if (seconds != null && (seconds < 0 || seconds > ComposeProperties.MAX_UNDO_WINDOW.toSeconds())) {
      throw ProblemException.invalid("invalid-undo-window", "The undo window is 0 to "
          + ComposeProperties.MAX_UNDO_WINDOW.toSeconds() + " seconds.");
    }
    jdbc.sql("DELETE FROM compose_preference WHERE agent_id = :agent").param("agent", agentId).update();
    if (seconds != null) {
      jdbc.sql("INSERT INTO compose_preference (agent_id, undo_seconds, updated_at) VALUES (:agent, :s, :now)")
          .param("agent", agentId).param("s", seconds).param("now", utc(clock.instant())).update();
    }
  }
}
