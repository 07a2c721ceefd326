package dev.tact.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.PipelineStoppedTest;
import dev.tact.testsupport.StatementCounter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The inbox and the conversation page run a bounded number of SQL statements: the count does not grow with the
 * rows shown (no query per conversation, contact, message or SLA clock).
 */
@PipelineStoppedTest
class PageQueryCountTests {

  static final String AGENT_EMAIL = "counted-agent@example.com";
  static final RequestPostProcessor AGENT = user(AGENT_EMAIL).roles("AGENT");
  static final RequestPostProcessor ADMIN = user(AGENT_EMAIL).roles("ADMIN");

  @Autowired MockMvc mvc;
  @Autowired StaffDirectory staff;
  @Autowired ConversationManagement conversations;
  @Autowired ContactManagement contacts;

  @Test
  void shouldRenderTheInboxWithAsManyStatementsForFiftyConversationsAsForFive() throws Exception {
    agent();
    UUID team = staff.createTeam("Counted inbox " + UUID.randomUUID()).id();
    openConversations(team, 5);
    long few = statements(get("/").param("team", team.toString()).with(ADMIN), 5);

    openConversations(team, 45);
    long many = statements(get("/").param("team", team.toString()).with(ADMIN), InboxController.PAGE_SIZE);

    System.out.printf("Inbox: %d statements for 5 conversations, %d for 50 (a page of %d)%n", few, many,
        InboxController.PAGE_SIZE);
    assertThat(many).as("statements for a full inbox page").isEqualTo(few);
  }

  @Test
  void shouldRenderTheConversationPageWithAsManyStatementsForFortyMessagesAsForTwo() throws Exception {
    Agent agent = agent();
    UUID team = staff.createTeam("Counted conversation " + UUID.randomUUID()).id();
    long number = openConversations(team, 1).getFirst();
    conversations.reply(conversations.findByReference(Long.toString(number)).orElseThrow().id(),
        Actor.agent(agent.id(), agent.displayName()), "First answer");
    long few = statements(get("/conversations/" + number).with(AGENT), 0);

    var conversation = conversations.findByReference(Long.toString(number)).orElseThrow();
    UUID id = conversation.id();
    for (int i = 0; i < 19; i++) {
      customerWrites(team, conversation.contactId(), number, "Follow-up " + i);
      conversations.reply(id, Actor.agent(agent.id(), agent.displayName()), "Answer " + i);
    }
    assertThat(conversations.requireDetails(id).messages()).hasSize(40);
    long many = statements(get("/conversations/" + number).with(AGENT), 0);

    System.out.printf("Conversation page: %d statements for 2 messages, %d for 40%n", few, many);
    assertThat(many).as("statements for a conversation of 40 messages").isEqualTo(few);
  }

  /** Runs the request, checks it rendered {@code rows} inbox rows (when not 0), and answers the statements it ran. */
  private long statements(MockHttpServletRequestBuilder request, int rows) throws Exception {
    StatementCounter.start();
    String page;
    try {
      page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    } finally {
      StatementCounter.stop();
    }
    if (rows > 0) {
      assertThat(Jsoup.parse(page).select("#inbox tbody tr td:first-child a")).hasSize(rows);
    }
    return StatementCounter.counted();
  }

  private Agent agent() {
    return staff.findAgentByEmail(AGENT_EMAIL)
        .orElseGet(() -> staff.createAgent(AGENT_EMAIL, "Counted Agent", Role.ADMIN, "Counted-Agent-Password-1"));
  }

  /** Opens conversations, each from a contact of its own, and answers their numbers. */
  private List<Long> openConversations(UUID team, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
      UUID contact = contact();
      return conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Sam",
          "Question " + i, "Hello", null, null, null, Instant.now(), List.of(), null, null, team, false, false, null))
          .number();
    }).toList();
  }

  private void customerWrites(UUID team, UUID contact, long number, String text) {
    conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Sam", "Question",
        text, null, null, Long.toString(number), Instant.now(), List.of(), null, null, team, false, false, null));
  }

  private UUID contact() {
    String address = "counted-" + UUID.randomUUID() + "@customer.test";
    return contacts.resolve(new Identity(IdentityKind.EMAIL, address, address), new ContactNames("Sam", null, null))
        .id();
  }
}
