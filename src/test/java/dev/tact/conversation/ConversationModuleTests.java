package dev.tact.conversation;

import dev.tact.shared.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.shared.Ids;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;

/**
 * The conversation module on its own (with the modules it depends on, none above it): where an inbound
 * message belongs is decided once, filing it publishes what listeners need (the text included), and the
 * same message delivered again is recognised.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "contact") // contact: to make the senders
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:conversation-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false"})
class ConversationModuleTests {

  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final IdentityParser identities;

  ConversationModuleTests(ConversationManagement conversations, ContactManagement contacts,
      IdentityParser identities) {
    this.conversations = conversations;
    this.contacts = contacts;
    this.identities = identities;
  }

  @Test
  void shouldOpenAConversationAndPublishTheMessageWithItsText(AssertablePublishedEvents events) {
    Contact ana = contact("ana");
    InboundMessage first = message(ana, "ana-1@customer.test", "Invoice 2231 charged twice",
        "Hello, my card was charged twice for invoice 2231.");

    ThreadDecision decided = conversations.threadOf(first);
    InboundOutcome filed = conversations.receiveInbound(first, decided);

    assertThat(decided).isInstanceOf(ThreadDecision.Opens.class);
    assertThat(filed.openedConversation()).isTrue();
    assertThat(events).contains(ConversationOpened.class)
        .matching(ConversationOpened::conversationId, filed.conversationId())
        .matching(ConversationOpened::contactId, ana.id());
    assertThat(events).contains(MessageAdded.class)
        .matching(MessageAdded::messageId, filed.messageId())
        .matching(MessageAdded::text, "Hello, my card was charged twice for invoice 2231.");
  }

  @Test
  void shouldContinueTheConversationANumberNamesAndRecogniseARedelivery() {
    Contact kenji = contact("kenji");
    InboundOutcome opened = file(message(kenji, "kenji-1@customer.test", "Where is order 4411?", "Any news?"));
    InboundMessage followUp = InboundMessage.builder(Ids.newId(), Channel.EMAIL).contact(kenji.id(), "Kenji")
        .subject("Re: [#" + opened.number() + "] Where is order 4411?").text("Still waiting.")
        .externalMessageId("kenji-2@customer.test").subjectNumber(opened.number()).receivedAt(Instant.now())
        .build();

    ThreadDecision decided = conversations.threadOf(followUp);
    InboundOutcome continued = conversations.receiveInbound(followUp, decided);
    ThreadDecision again = conversations.threadOf(followUp);

    assertThat(decided).isInstanceOf(ThreadDecision.Continues.class);
    assertThat(continued.conversationId()).isEqualTo(opened.conversationId());
    assertThat(again).isInstanceOfSatisfying(ThreadDecision.Redelivered.class,
        redelivered -> assertThat(redelivered.messageId()).isEqualTo(continued.messageId()));
  }

  @Test
  void shouldCountTheVersionUpOnceForEachChangeAndKeepWhenTheLastMessageArrived(AssertablePublishedEvents events) {
    Contact mia = contact("mia");
    UUID team = UUID.randomUUID();
    Instant openedAt = Instant.parse("2026-03-02T09:00:00Z");
    Instant answeredAt = openedAt.plusSeconds(600);
    InboundOutcome opened = file(InboundMessage.builder(Ids.newId(), Channel.EMAIL).contact(mia.id(), "Mia")
        .subject("Broken kettle").text("It leaks.").externalMessageId("mia-1@customer.test").team(team)
        .receivedAt(openedAt).build());
    file(InboundMessage.builder(Ids.newId(), Channel.EMAIL).contact(mia.id(), "Mia")
        .subject("Re: [#" + opened.number() + "] Broken kettle").text("Still leaking.")
        .externalMessageId("mia-2@customer.test").subjectNumber(opened.number()).receivedAt(answeredAt).build());

    UUID id = opened.conversationId();
    assertThat(events.ofType(ConversationChanged.class).matching(changed -> changed.conversationId().equals(id)))
        .extracting(ConversationChanged::kind, ConversationChanged::number, ConversationChanged::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("OPENED", opened.number(), 1L),
            org.assertj.core.groups.Tuple.tuple("MESSAGE_RECEIVED", opened.number(), 2L),
            org.assertj.core.groups.Tuple.tuple("MESSAGE_RECEIVED", opened.number(), 3L));
    assertThat(conversations.version(id)).isEqualTo(3);
    assertThat(conversations.changesSince(id, 1)).extracting(ConversationChange::version).containsExactly(2L, 3L);
    assertThat(conversations.findByReference(id.toString()).orElseThrow().lastMessageAt()).isEqualTo(answeredAt);
    assertThat(events).contains(ConversationOpened.class).matching(ConversationOpened::conversationId, id)
        .matching(ConversationOpened::teamId, team).matching(ConversationOpened::priority, Priority.NORMAL);
  }

  private InboundOutcome file(InboundMessage message) {
    return conversations.receiveInbound(message, conversations.threadOf(message));
  }

  private Contact contact(String name) {
    return contacts.resolve(identities.parse(name + "-" + UUID.randomUUID().toString().substring(0, 8)
        + "@customer.test"), new ContactNames(name, null, null));
  }

  private static InboundMessage message(Contact from, String externalId, String subject, String text) {
    return InboundMessage.builder(Ids.newId(), Channel.EMAIL).contact(from.id(), from.name()).subject(subject)
        .text(text).externalMessageId(externalId).receivedAt(Instant.now()).build();
  }
}
