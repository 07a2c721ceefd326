package dev.tact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.policy.DoNotCallRegister;
import dev.tact.policy.DoNotCallRegisters;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.testsupport.IndexSeeks;
import dev.tact.testsupport.PipelineStoppedTest;
import dev.tact.testsupport.StatementRecorder;
import dev.tact.testsupport.StatementRecorder.Recorded;
import dev.tact.timer.Timers;
import dev.tact.timer.WorkQueue;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Statements that run per message or per batch on tables that grow seek a whole index key on H2: each test calls the
 * production method, records the SQL and parameters it issued, and checks H2's plan for them (EXPLAIN with the same
 * parameters). H2 uses an IN list only on an index's first column: "a = ? AND b IN (...)" on an index (a, b) reads
 * every row under a and tests it against the list (docs/notes-h2plans.md).
 */
@PipelineStoppedTest
class HotStatementPlanTests {

  /** A kind of timer with a handler, so that the timer workers look for it. */
  static final String WEEKLY_DIGEST = "dashboard.weekly-digest";

  @Autowired DataSource dataSource;
  @Autowired ConversationManagement conversations;
  @Autowired ContactManagement contacts;
  @Autowired DoNotCallRegisters registers;
  @Autowired Timers timers;
  @Autowired @Qualifier("timerFiring") WorkQueue<?> timerFiring;

  @Test
  void shouldSeekMessagesByChannelAndExternalIdWhenThreadingAReply() throws SQLException {
    UUID contact = contact();
    String first = "<" + UUID.randomUUID() + "@customer.test>";
    conversations.receiveInbound(email(contact, first, List.of()));
    List<String> repliesTo = List.of(first, "<" + UUID.randomUUID() + "@customer.test>");

    List<Recorded> issued = recorded(() -> conversations.receiveInbound(
        email(contact, "<" + UUID.randomUUID() + "@customer.test>", repliesTo)));

    assertSeekWholeKeys(issued, sql -> sql.contains("FROM conv_message") && sql.contains(" IN ("));
  }

  @Test
  void shouldSeekRegisterEntriesByNumberWhenLoadingARegister() throws SQLException {
    List<DoNotCallRegisters.Entry> entries = IntStream.range(0, 20)
        .mapToObj(i -> new DoNotCallRegisters.Entry("416555" + (1000 + i), "2015-01-10")).toList();
    registers.add(DoNotCallRegister.CA_DNCL, entries, DoNotCallRegisters.Mode.ADD, "plans");
    List<DoNotCallRegisters.Entry> earlier = entries.stream()
        .map(e -> new DoNotCallRegisters.Entry(e.number(), "2014-01-10")).toList();

    List<Recorded> issued = recorded(
        () -> registers.add(DoNotCallRegister.CA_DNCL, earlier, DoNotCallRegisters.Mode.ADD, "plans"));

    assertSeekWholeKeys(issued, sql -> sql.matches("(?s).*policy_dnc_entry.*WHERE.*phone.*"));
  }

  @Test
  void shouldReadTheNextTimerByTheDueIndexAndLockItByItsKey() throws SQLException {
    String key = "plans-" + UUID.randomUUID();
    timers.schedule(WEEKLY_DIGEST, key, Instant.parse("2100-01-01T00:00:00Z"), null);
    try {
      List<Recorded> issued = recorded(timerFiring::nextDue);

      assertSeekWholeKeys(issued, sql -> sql.contains("FROM timer_entry") && sql.contains("FOR UPDATE"));
      assertSeekWholeKeys(issued, sql -> sql.contains("FROM timer_entry"));
    } finally {
      timers.cancel(WEEKLY_DIGEST, key);
    }
  }

  private void assertSeekWholeKeys(List<Recorded> issued, Predicate<String> hot) throws SQLException {
    List<Recorded> checked = issued.stream().filter(s -> hot.test(s.sql())).toList();
    assertThat(checked).as("hot statements among %s", issued.stream().map(Recorded::sql).toList()).isNotEmpty();
    for (Recorded statement : checked) {
      String plan = IndexSeeks.plan(dataSource, statement);
      assertThat(IndexSeeks.partialReads(dataSource, plan)).as("reads of %s", plan).isEmpty();
    }
  }

  private static List<Recorded> recorded(Runnable call) {
    StatementRecorder.start();
    try {
      call.run();
    } catch (RuntimeException e) {
      StatementRecorder.stop();
      throw e;
    }
    return StatementRecorder.stop();
  }

  private InboundMessage email(UUID contact, String messageId, List<String> repliesTo) {
    return new InboundMessage(Ids.newId(), null, Channel.EMAIL, contact, "Sam", "Question", "Hello", messageId, null,
        null, Instant.now(), repliesTo, null, null, null, false, false, null);
  }

  private UUID contact() {
    String address = "plans-" + UUID.randomUUID() + "@customer.test";
    return contacts.resolve(new Identity(IdentityKind.EMAIL, address, address), new ContactNames("Sam", null, null))
        .id();
  }
}
