package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.Ids;
import dev.tact.testsupport.PipelineStoppedTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

  private InboundItem logged(UUID id) {
    return items.find(id).orElseThrow();
  }

  private static byte[] mail(String from, String subject, String text) {
    return ("From: " + from + "\r\nTo: help@tact.example\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + Ids.newId() + "@example.com>\r\nDate: Sun, 6 Dec 2026 08:00:00 +0000\r\nContent-Type: text/plain; "
        + "charset=utf-8\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
