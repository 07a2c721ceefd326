package dev.tact.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until the after-commit listeners have handled every event about one conversation (routing, triage tags,
 * effort…). A browser test waits for this before it acts on the conversation's live page: a change landing while the
 * test picks an option reloads that page and loses the choice.
 */
public final class ListenerWork {

  private ListenerWork() {}

  public static void awaitDone(JdbcClient jdbc, UUID conversationId, Duration patience) {
    await().atMost(patience).until(() -> jdbc.sql("""
        SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :id""")
        .param("id", "%" + conversationId + "%").query(Long.class).single() == 0);
  }
}
