package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false"})
@Import(SlaTimersContract.Fixtures.class)
class SlaTimersOnPostgresIntegrationTests extends SlaTimersContract {

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  /**
   * Found by bench/nodes.sh: a change of a conversation locks its row, then its SLA row, then its timers (routing
   * moved the clock); a timer worker holds the timers it claimed and then locked the SLA row. When both met on one
   * conversation PostgreSQL broke the deadlock by failing one of them, and when that was the change made by an
   * asynchronous listener (routing a new conversation), the change was lost until a restart. The worker must not
   * wait for a conversation's rows while it holds that conversation's timer.
   */
  @Test
  void shouldNotDeadlockWhenAConversationChangesWhileItsTimerFires() throws SQLException {
    UUID team = staff.createTeam("Locks " + UUID.randomUUID()).id(); // its own policy, around the clock in UTC
    policies.create(new SlaPolicyDraft("Locks", null, null, null, List.of(team.toString()), 60, null, null, null,
        null));
    String address = "dee-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Dee Customer", null, null)).id();
    UUID conversation = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact,
        "Dee Customer", "Locks", "Are we stuck?", null, null, null, clock.instant(), List.of(), null, null, team,
        false, false, null)).conversationId();
    String key = conversation + "/FIRST_RESPONSE/0";
    Instant warnAt = timers.find(SlaClocks.WARNING_TIMER, key).orElseThrow().dueAt();

    try (Connection change = dataSource.getConnection()) {
      change.setAutoCommit(false);
      // this side is the one PostgreSQL finds the deadlock on (it checks a waiting backend once, after this long)
      execute(change, "SET LOCAL deadlock_timeout = '10ms'", null);
      execute(change, "SELECT id FROM conv_conversation WHERE id = ? FOR UPDATE", conversation);
      execute(change, "SELECT conversation_id FROM sla_conversation WHERE conversation_id = ? FOR UPDATE", conversation);
      clock.set(warnAt);
      // the worker has claimed the warning and either waits for the SLA row (past its own deadlock check) or has
      // given the timer back for later
      await().atMost(Duration.ofSeconds(30)).until(() -> workerWaitsForTheSlaRow() || attempts(key) > 0);
      execute(change, "UPDATE timer_entry SET scheduled_at = scheduled_at WHERE timer_key = ?", key);
      change.commit();
    }

    clock.set(warnAt.plus(Duration.ofMinutes(1)));
    await().atMost(Duration.ofSeconds(30)).until(() -> timers.find(SlaClocks.WARNING_TIMER, key).isEmpty());
    assertThat(conversations.requireDetails(conversation).history().stream()
        .filter(h -> h.kind().equals("SLA_WARNING"))).hasSize(1);
  }

  private boolean workerWaitsForTheSlaRow() {
    return jdbc.sql("""
        SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query LIKE '%sla_conversation%FOR UPDATE%'
          AND clock_timestamp() - query_start > current_setting('deadlock_timeout')::interval + INTERVAL '300 ms'""")
        .query(Long.class).single() > 0;
  }

  private int attempts(String key) {
    return jdbc.sql("SELECT COALESCE(MAX(attempts), 0) FROM timer_entry WHERE timer_key = :key").param("key", key)
        .query(Integer.class).single();
  }

  private static void execute(Connection connection, String sql, Object parameter) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setObject(1, parameter);
      }
      statement.execute();
    }
  }
}
