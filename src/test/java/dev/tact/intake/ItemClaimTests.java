package dev.tact.intake;

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
 * Two pipeline workers claim from one backlog at the same time (issue 20: several workers, nothing lost): each gets
 * a batch of its own, oldest first, while the other still holds its batch. On H2 a claim used to lock every due item
 * (FOR UPDATE before the LIMIT), so the second worker got nothing.
 */
class ItemClaimTests {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(ClaimDatabase.Kind.class)
  void shouldGiveTwoConcurrentClaimersDisjointBatchesOldestFirst(ClaimDatabase.Kind kind) throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(kind)) {
      List<UUID> due = IntStream.range(0, 50).mapToObj(i -> pending(database, NOW.minusSeconds(100 - i))).toList();
      pending(database, NOW.plus(Duration.ofMinutes(1))); // not due yet
      ItemStore store = new ItemStore(database.jdbc(), database.jdbcTemplate());

      var claims = database.twoClaimers(() -> store.claimDue(NOW, 5).stream().map(InboundItem::id).toList());

      assertThat(claims.first()).containsExactlyElementsOf(due.subList(0, 5));
      assertThat(claims.second()).containsExactlyElementsOf(due.subList(5, 10));
    }
  }

  /**
   * Fails when the candidate read cannot stop at its LIMIT in index order (the single FOR UPDATE statement). The lock
   * by key is left out: on a table this small H2 seeks it by the due index and reads every due row
   * (docs/notes-recov20h.md).
   */
  @Test
  void shouldReadOnlyTheBatchWhenClaimingOnH2() throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(ClaimDatabase.Kind.H2)) {
      IntStream.range(0, 50).forEach(i -> pending(database, NOW.minusSeconds(100 - i)));
      ItemStore store = new ItemStore(database.jdbc(), database.jdbcTemplate());

      assertThat(database.readsBeyond(6, sql -> sql.contains("FROM intake_item") && sql.contains("LIMIT"),
          () -> store.claimDue(NOW, 5))).isEmpty();
    }
  }

  private static UUID pending(ClaimDatabase database, Instant due) {
    UUID id = UUID.randomUUID();
    database.jdbc().sql("""
        INSERT INTO intake_item (id, channel, content_type, payload, received_at, state, attempts, next_attempt_at,
          message_id)
        VALUES (:id, 'web', 'application/json', '{}', :at, 'PENDING', 0, :at, :message)""")
        .param("id", id).param("at", SqlTime.utc(due)).param("message", UUID.randomUUID()).update();
    return id;
  }
}
