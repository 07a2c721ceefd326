package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.ConversationOpened;
import dev.tact.conversation.FiledMessage;
import dev.tact.conversation.FiledTogether;
import dev.tact.conversation.MessageAdded;
import dev.tact.conversation.MessagesFiled;
import dev.tact.effort.EffortMeasured;
import dev.tact.effort.EffortMeasurements;
import dev.tact.effort.EffortsMeasured;
import dev.tact.routing.IntentDecided;
import dev.tact.routing.IntentsDecided;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.testsupport.PipelineStoppedTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/** The road in, run on claimed sets of items of different channels (the workers that claim them are off). */
@PipelineStoppedTest
class InboundRoadIntegrationTests {

  private static final List<String> WHOLE_ROAD = List.of("read", "check", "identify sender", "thread", "noise", "file");

  @Autowired
  MessageIntake intake;

  @Autowired
  InboundLog log;

  @Autowired
  ItemStore items;

  @Autowired
  ItemProcessor processor;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  EffortMeasurements effort;

  @Autowired
  EventSerializer serializer;

  @Test
  void shouldFileMailAndApiItemsThroughTheSameSteps() {
    InboundItem mail = logged(intake.submitMail(new IncomingMail(mail("road-mail@example.com", "Printer on fire",
        "The printer in room 4 is on fire."), "smtp", null, "", List.of("help@tact.example"), null)).itemId());
    InboundItem api = logged(intake.submit(new MessageSubmission("chat", "road-api@example.com", "Ana", null, null,
        "Refund", "Please refund order 77.", "chat-" + Ids.newId(), null, null)).itemId());

    List<InboundContext> road = transactions.execute(status -> processor.processAllTraced(List.of(mail, api)));

    assertThat(road).extracting(InboundContext::trail).containsExactly(WHOLE_ROAD, WHOLE_ROAD);
    assertThat(road).allSatisfy(context -> assertThat(context.next()).isInstanceOf(Next.Filed.class));
    assertThat(items.find(mail.id()).orElseThrow().state()).isEqualTo(ItemState.DONE);
    assertThat(items.find(api.id()).orElseThrow().state()).isEqualTo(ItemState.DONE);
    assertThat(items.find(mail.id()).orElseThrow().conversationId())
        .isNotEqualTo(items.find(api.id()).orElseThrow().conversationId());
  }

  @Test
  void shouldThreadAndRecogniseRedeliveriesAgainstItemsEarlierInTheSameSet() {
    String thread = "thread-" + Ids.newId();
    String externalId = "chat-" + Ids.newId();
    InboundItem first = logged(intake.submit(new MessageSubmission("chat", "set@example.com", null, null, null, null,
        "Hello, is anyone there?", externalId, thread, null)).itemId());
    InboundItem reply = logged(intake.submit(new MessageSubmission("chat", "set@example.com", null, null, null, null,
        "Still waiting for an answer about my order.", "chat-" + Ids.newId(), thread, null)).itemId());
    UUID again = Ids.newId();
    log.append(new NewItem(again, "chat", externalId, MessageIntake.API_CONTENT_TYPE, first.payload(), null,
        Instant.now(), Ids.newId()));

    transactions.executeWithoutResult(status -> processor.processAll(List.of(first, reply, logged(again))));

    InboundItem filed = items.find(first.id()).orElseThrow();
    assertThat(items.find(reply.id()).orElseThrow().conversationId()).isEqualTo(filed.conversationId());
    InboundItem redelivered = items.find(again).orElseThrow();
    assertThat(redelivered.state()).isEqualTo(ItemState.DUPLICATE);
    assertThat(redelivered.messageId()).isEqualTo(filed.messageId());
  }

  @Test
  void shouldFileNothingOfASetWhenOneItemCannotBeRead() {
    InboundItem good = logged(intake.submit(new MessageSubmission("chat", "whole@example.com", null, null, null,
        null, "A good message.", "chat-" + Ids.newId(), null, null)).itemId());
    UUID bad = Ids.newId();
    log.append(new NewItem(bad, "chat", null, "text/x-unknown", "?", null, Instant.now(), Ids.newId()));

    assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
        processor.processAll(List.of(good, logged(bad)))))
        .isInstanceOf(UnreadableItemException.class).hasMessageContaining("text/x-unknown");

    assertThat(items.find(good.id()).orElseThrow().state()).isEqualTo(ItemState.PENDING);
    assertThat(items.find(bad).orElseThrow().state()).isEqualTo(ItemState.PENDING);
  }

  @Test
  void shouldTellTheListenersThatTakeTheSetOnceForAllItsMessages() {
    String sender = "together-" + Ids.newId();
    InboundItem first = logged(intake.submit(new MessageSubmission("chat", sender + "-a@example.com", null, null,
        null, null, "My parcel never arrived.", "chat-" + Ids.newId(), null, null)).itemId());
    InboundItem second = logged(intake.submit(new MessageSubmission("chat", sender + "-b@example.com", null, null,
        null, null, "The invoice shows the wrong address.", "chat-" + Ids.newId(), null, null)).itemId());

    transactions.executeWithoutResult(status -> processor.processAll(List.of(first, second)));

    List<UUID> conversations = List.of(logged(first.id()).conversationId(), logged(second.id()).conversationId());
    // each conversation measured from the set's one publication, none from a single event of its own
    await().untilAsserted(() -> assertThat(conversations).allSatisfy(id ->
        assertThat(effort.of(id)).hasValueSatisfying(measured -> assertThat(measured.parts())
            .anySatisfy(part -> assertThat(part.key() + "=" + part.amount()).isEqualTo("messages=1")))));
    assertThat(publications(MessagesFiled.class, conversations.getFirst()))
        .anyMatch(l -> l.startsWith("dev.tact.effort.EffortListeners"))
        .isEqualTo(publications(MessagesFiled.class, conversations.getLast()));
    for (UUID id : conversations) {
      assertThat(publications(ConversationOpened.class, id)).noneMatch(l -> l.startsWith("dev.tact.effort"));
      assertThat(publications(MessageAdded.class, id)).noneMatch(l -> l.startsWith("dev.tact.effort")
          || l.startsWith("dev.tact.churn") || l.startsWith("dev.tact.notification"));
    }
  }

  @Test
  void shouldFitTheLargestBatchEventsInThePublicationLogsColumn() {
    Instant at = Instant.parse("2026-12-07T10:53:38.123456789Z");
    List<Object> largest = List.of(
        new MessagesFiled(IntStream.range(0, FiledTogether.MAX_PER_EVENT).mapToObj(i -> new FiledMessage(
            Ids.newId(), Long.MAX_VALUE, Ids.newId(), Ids.newId(), Channel.SOCIAL, at, true, false)).toList()),
        new EffortsMeasured(IntStream.range(0, FiledTogether.MAX_PER_EVENT).mapToObj(i -> new EffortMeasured(
            Ids.newId(), Ids.newId(), Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            true, Long.MAX_VALUE, 100, at)).toList()),
        new IntentsDecided(IntStream.range(0, FiledTogether.MAX_PER_EVENT).mapToObj(i -> new IntentDecided(
            Ids.newId(), "a_rather_long_intent_name_an_admin_trained", 0.123456789, false, at)).toList()));

    // event_publication.serialized_event is VARCHAR(16000) (V1)
    assertThat(largest).allSatisfy(event ->
        assertThat(serializer.serialize(event).toString()).hasSizeLessThan(16_000));
  }

  /** The listeners that stored a publication of an event of this type naming the conversation. */
  private List<String> publications(Class<?> type, UUID conversationId) {
    return jdbc.sql("""
        SELECT listener_id FROM event_publication WHERE event_type = :type AND serialized_event LIKE :id
        ORDER BY listener_id""")
        .param("type", type.getName()).param("id", "%" + conversationId + "%").query(String.class).list();
  }

  private InboundItem logged(UUID id) {
    return items.find(id).orElseThrow();
  }

  private static byte[] mail(String from, String subject, String text) {
    return ("From: " + from + "\r\nTo: help@tact.example\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + Ids.newId() + "@example.com>\r\nDate: Sun, 6 Dec 2026 08:00:00 +0000\r\nContent-Type: text/plain; "
        + "charset=utf-8\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
