package dev.tact.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.SqlTime;
import dev.tact.testsupport.ClaimDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two dispatcher threads claim from one backlog of due rows at the same time: each gets a batch of its own, earliest
 * first, while the other has not yet committed its claim. On H2 a claim used to lock every due row (FOR UPDATE
 * before the LIMIT), so the second dispatcher got nothing.
 */
class OutboxClaimTests {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(ClaimDatabase.Kind.class)
  void shouldGiveTwoConcurrentClaimersDisjointBatchesEarliestFirst(ClaimDatabase.Kind kind) throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(kind)) {
      List<UUID> due = IntStream.range(0, 50).mapToObj(i -> queued(database, "WEBHOOK", NOW.minusSeconds(100 - i)))
          .toList();
      queued(database, "EMAIL", NOW.minusSeconds(500)); // left alone when email is not claimed
      queued(database, "WEBHOOK", NOW.plus(Duration.ofMinutes(1))); // not due yet
      OutboxStore store = new OutboxStore(database.jdbc(), database.named());

      var claims = database.twoClaimers(() -> store.claim("node", NOW, NOW.plusSeconds(60), 5, false).stream()
          .map(OutboxStore.Claimed::id).toList());

      assertThat(claims.first()).containsExactlyElementsOf(due.subList(0, 5));
      assertThat(claims.second()).containsExactlyElementsOf(due.subList(5, 10));
    }
  }

  /** Fails when the candidate read cannot stop at its LIMIT in index order (the single FOR UPDATE statement). */
  @Test
  void shouldReadOnlyTheBatchWhenClaimingOnH2() throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(ClaimDatabase.Kind.H2)) {
      IntStream.range(0, 50).forEach(i -> queued(database, "WEBHOOK", NOW.minusSeconds(100 - i)));
      OutboxStore store = new OutboxStore(database.jdbc(), database.named());

      assertThat(database.readsBeyond(6,
          sql -> sql.strip().startsWith("SELECT") && sql.contains("FROM delivery_outbox"),
          () -> store.claim("node", NOW, NOW.plusSeconds(60), 5, false))).isEmpty();
    }
  }

  private static UUID queued(ClaimDatabase database, String kind, Instant due) {
    UUID id = UUID.randomUUID();
    database.jdbc().sql("""
        INSERT INTO delivery_outbox (id, idempotency_key, kind, purpose, cause, header_message_id, state, due_at,
          created_at, updated_at)
        VALUES (:id, :key, :kind, 'TRANSACTIONAL', 'test', :header, 'QUEUED', :due, :due, :due)""")
        .param("id", id).param("key", "k-" + id).param("kind", kind).param("header", id + "@test")
        .param("due", SqlTime.utc(due)).update();
    return id;
  }
}
