package dev.tact.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first messages of one new person, taken by several workers at the same moment: each worker resolves the
 * sender, and all of them must come back with one and the same contact, without an error and without a stray
 * contact left behind.
 */
@RequiresPostgres
@FreshPostgresDatabase
@TactTest
class ContactResolveRaceOnPostgresIntegrationTests {

  static final int WORKERS = 6;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldGiveEveryWorkerTheSameContactWhenTheyResolveANewPersonAtOnce() throws Exception {
    long withoutIdentityBefore = contactsWithoutIdentity(); // the context is shared: count only what the race makes
    for (int round = 0; round < 20; round++) {
      Identity identity = identities.parse("race-" + UUID.randomUUID() + "@example.org");
      CyclicBarrier start = new CyclicBarrier(WORKERS);
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      try {
        List<Future<UUID>> results = IntStream.range(0, WORKERS).mapToObj(i -> pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return contacts.resolve(identity, new ContactNames(null, null, null)).id();
        })).toList();
        List<UUID> ids = results.stream().map(f -> {
          try {
            return f.get(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new AssertionError("a worker failed to resolve " + identity.value(), e);
          }
        }).distinct().toList();
        assertThat(ids).as("contacts for " + identity.value()).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(contactsWithoutIdentity()).as("contacts without any identity made by the race")
        .isEqualTo(withoutIdentityBefore);
  }

  private long contactsWithoutIdentity() {
    return jdbc.sql("""
        SELECT COUNT(*) FROM contact_contact c
        WHERE NOT EXISTS (SELECT 1 FROM contact_identity i WHERE i.contact_id = c.id)""").query(Long.class).single();
  }
}
