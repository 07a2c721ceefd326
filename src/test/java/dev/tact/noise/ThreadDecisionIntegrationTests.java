package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.Message;
import dev.tact.conversation.ThreadDecision;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.testsupport.PipelineStoppedTest;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the conversation module puts an inbound message, decided once for the road in: each kind of decision for
 * the facts that lead to it, including a redelivery of a copy noise control kept as a report.
 */
@PipelineStoppedTest
class ThreadDecisionIntegrationTests {

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  IdentityParser identities;

  @Autowired
  ContactManagement contacts;

  @Autowired
  NoiseControl noise;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  Clock clock;

  @Autowired
  HeldStore held;

  Inbox inbox;

  @BeforeEach
  void inbox() {
    inbox = new Inbox(new TransactionTemplate(transactionManager), identities, contacts, noise, conversations);
  }

  @Test
  void shouldOpenAConversationForAMessageThatContinuesNothing() {
    assertThat(conversations.threadOf(message(someone()).text("A new question.").build()))
        .isEqualTo(new ThreadDecision.Opens(null));
  }

  @Test
  void shouldRecogniseTheSameMessageStoredBefore() {
    ConversationSummary conversation = summary(inbox.receive(address(), "Invoice", "Where is my invoice "
        + Ids.newId() + "?", clock.instant()).conversationId());
    InboundMessage followUp = message(someone()).text("Any news?").externalMessageId("ext-" + Ids.newId())
        .conversationReference(String.valueOf(conversation.number())).build();
    UUID stored = new TransactionTemplate(transactionManager).execute(status ->
        conversations.receiveInbound(followUp).messageId());

    ThreadDecision again = conversations.threadOf(message(someone())
        .externalMessageId(followUp.externalMessageId()).build());

    assertThat(again).isInstanceOfSatisfying(ThreadDecision.Redelivered.class, redelivered -> {
      assertThat(redelivered.conversationId()).isEqualTo(conversation.id());
      assertThat(redelivered.messageId()).isEqualTo(stored);
    });
    assertThat(again.redelivery()).isTrue();
  }

  @Test
  void shouldRecogniseTheMessageThatOpenedAConversationByItsReport() {
    UUID conversation = inbox.receive(address(), "Invoice", "Where is my invoice " + Ids.newId() + "?",
        clock.instant()).conversationId();
    Message opening = conversations.requireDetails(conversation).messages().getFirst();

    ThreadDecision again = conversations.threadOf(message(someone()).externalMessageId(opening.externalId()).build());

    assertThat(again).isInstanceOfSatisfying(ThreadDecision.KeptElsewhere.class, kept -> {
      assertThat(kept.copy().conversationId()).isEqualTo(conversation);
      assertThat(kept.copy().reportId()).isEqualTo(opening.id());
    });
  }

  @Test
  void shouldContinueTheConversationAMessageNames() {
    ConversationSummary named = summary(inbox.receive(address(), "Refund", "Refund please " + Ids.newId(),
        clock.instant()).conversationId());

    ThreadDecision decided = conversations.threadOf(message(someone())
        .conversationReference(String.valueOf(named.number())).build());

    assertThat(decided).isInstanceOfSatisfying(ThreadDecision.Continues.class,
        continues -> assertThat(continues.conversation().id()).isEqualTo(named.id()));
    assertThat(decided.redelivery()).isFalse();
  }

  @Test
  void shouldFileAFollowUpOnlyMessageThatContinuesNothingNowhere() {
    assertThat(conversations.threadOf(message(someone()).followUpOnly(true).build()))
        .isEqualTo(new ThreadDecision.Unfiled());
  }

  @Test
  void shouldOpenAConversationOfItsOwnWhenTheSubjectNamesSomeoneElsesConversation() {
    ConversationSummary others = summary(inbox.receive(address(), "Login", "Cannot log in " + Ids.newId(),
        clock.instant()).conversationId());

    ThreadDecision decided = conversations.threadOf(message(someone()).subjectNumber(others.number()).build());

    assertThat(decided).isInstanceOfSatisfying(ThreadDecision.Opens.class,
        opens -> assertThat(opens.mentioned().id()).isEqualTo(others.id()));
  }

  @Test
  void shouldRecogniseACopyNoiseControlKeptAsAReport() {
    String vendor = address();
    inbox.receive(vendor, "Save 30%", "Dear CEO, " + NoisePagesTests.PITCH, clock.instant());
    Inbox.Filed copy = inbox.receive(vendor, "Save 30% now", "Dear CFO, " + NoisePagesTests.PITCH, clock.instant());
    assertThat(copy.decision()).isInstanceOf(NoiseDecision.Duplicate.class);

    ThreadDecision again = conversations.threadOf(message(someone())
        .externalMessageId("ext-" + copy.decision().reportId()).build());

    assertThat(again).isInstanceOfSatisfying(ThreadDecision.KeptElsewhere.class, kept -> {
      assertThat(kept.copy().reportId()).isEqualTo(copy.decision().reportId());
      assertThat(kept.copy().conversationId()).isEqualTo(copy.conversationId());
    });
    assertThat(NoiseRules.settledByThreading(again).orElseThrow()).isInstanceOf(NoiseDecision.Redelivery.class);
  }

  @Test
  void shouldRecogniseAHeldMessageDeliveredAgainButNotTheHeldItemComingBackReleased() {
    UUID group = Ids.newId();
    UUID heldItem = Ids.newId();
    String external = "held-" + Ids.newId();
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      held.insertGroup(group, "sender:" + address(), null, clock.instant(), "Buy now", "Buy now");
      held.addItem(group, heldItem, Channel.WEB, external, "vendor@example.com", "Buy now", clock.instant());
    });
    Contact sender = someone();

    ThreadDecision again = conversations.threadOf(message(sender).externalMessageId(external).build());
    ThreadDecision released = conversations.threadOf(message(sender).inboundItem(heldItem).externalMessageId(external)
        .build());

    assertThat(again).isInstanceOfSatisfying(ThreadDecision.KeptElsewhere.class, kept -> {
      assertThat(kept.copy().heldGroupId()).isEqualTo(group);
      assertThat(kept.copy().conversationId()).isNull();
    });
    assertThat(released).isInstanceOf(ThreadDecision.Opens.class);
  }

  private InboundMessage.Builder message(Contact sender) {
    return InboundMessage.builder(Ids.newId(), Channel.WEB).inboundItem(Ids.newId())
        .contact(sender.id(), sender.name()).receivedAt(clock.instant());
  }

  private Contact someone() {
    return new TransactionTemplate(transactionManager).execute(status ->
        contacts.resolve(identities.parse(address()), new ContactNames(null, null, null)));
  }

  private ConversationSummary summary(UUID conversationId) {
    return conversations.requireDetails(conversationId).conversation();
  }

  private static String address() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
