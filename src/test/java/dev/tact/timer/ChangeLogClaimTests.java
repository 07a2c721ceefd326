package dev.tact.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.ClaimDatabase;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fold's claim locks the changes it takes and no more: one folder runs at a time (the lock row), but writers and
 * the next pass find the rest free. Its ORDER BY seq is the table's row key, which H2 reads in order under FOR
 * UPDATE and stops at the LIMIT (unlike the claims ordered by another index, see {@code SkipLockedClaim}).
 */
class ChangeLogClaimTests {

  @ParameterizedTest
  @EnumSource(ClaimDatabase.Kind.class)
  void shouldLockOnlyTheClaimedChanges(ClaimDatabase.Kind kind) throws Exception {
    try (ClaimDatabase database = ClaimDatabase.open(kind)) {
      ChangeLog changes = new ChangeLog(database.jdbc(), "effort_change", "conversation_id", "effort_fold_lock");
      IntStream.range(0, 50).forEach(i -> changes.note(UUID.randomUUID()));
      List<Long> seqs = database.jdbc().sql("SELECT seq FROM effort_change ORDER BY seq").query(Long.class).list();

      var claims = database.twoClaimers(() -> changes.claim(5).stream().map(ChangeLog.Change::seq).toList(),
          () -> database.jdbc().sql("SELECT seq FROM effort_change FOR UPDATE SKIP LOCKED").query(Long.class).list());

      assertThat(claims.first()).containsExactlyElementsOf(seqs.subList(0, 5));
      assertThat(claims.second()).containsExactlyInAnyOrderElementsOf(seqs.subList(5, 50));
    }
  }
}
