package dev.tact.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.Actor;
import dev.tact.conversation.Message;
import dev.tact.delivery.Outbox;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.testsupport.ManualDispatchTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent's reply and its outbox row are written in one transaction: both commit, or neither does.
 * (Same settings as ReplyFromMailboxOnH2IntegrationTests, so the two share one application context.)
 */
@ManualDispatchTest
class RepliesIntegrationTests {

  @Autowired
  Replies replies;

  @Autowired
  Outbox outbox;

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void shouldQueueAnEmailReplyForDeliveryWithTheReplyItself() {
    UUID conversation = conversationFrom("queued-" + UUID.randomUUID() + "@customer.test");

    Message reply = replies.reply(conversation, Actor.agent(null, "Dana"), "We are on it.");

    assertThat(outbox.ofMessage(reply.id())).isPresent();
  }

  @Test
  void shouldLeaveNeitherTheReplyNorItsOutboxRowWhenTheTransactionRollsBack() {
    UUID conversation = conversationFrom("rolled-back-" + UUID.randomUUID() + "@customer.test");

    Message reply = transactions.execute(status -> {
      Message written = replies.reply(conversation, Actor.agent(null, "Dana"), "This one is taken back.");
      assertThat(outbox.ofMessage(written.id())).as("queued inside the reply's transaction").isPresent();
      status.setRollbackOnly();
      return written;
    });

    assertThat(outbox.ofMessage(reply.id())).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_message WHERE id = :id").param("id", reply.id())
        .query(Long.class).single()).isZero();
  }

  private UUID conversationFrom(String sender) {
    String messageId = UUID.randomUUID() + "@customer.test";
    intake.submit(new MessageSubmission("email", sender, null, null, null, "Order missing", "Where is my order?",
        messageId, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    return jdbc.sql("SELECT conversation_id FROM conv_message WHERE external_id = :id").param("id", messageId)
        .query(UUID.class).single();
  }
}
