package dev.tact.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.chat.ChatSession;
import dev.tact.chat.Chats;
import dev.tact.compose.Replies;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxKind;
import dev.tact.shared.Channel;
import dev.tact.shared.PageRequest;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Agents' chat pages: the waiting list, one agent's acceptance, readable refusals, and lines as replies. */
@TactTest
class ChatPagesTests {

  @Autowired
  MockMvc mvc;

  @Autowired
  Chats chats;

  @Autowired
  StaffDirectory staff;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  Replies replies;

  @Autowired
  Outbox outbox;

  @Test
  void shouldLetOneAgentTakeAChatAndAnswerWhileOthersAreToldWhy() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Agent ana = staff.createAgent("ana-" + suffix + "@tact.test", "Ana Agent", Role.AGENT, "pass-" + suffix + "-long");
    Agent bo = staff.createAgent("bo-" + suffix + "@tact.test", "Bo Agent", Role.AGENT, "pass-" + suffix + "-long");
    RequestPostProcessor asAna = user(ana.email()).roles("AGENT");
    RequestPostProcessor asBo = user(bo.email()).roles("AGENT");
    String customer = "pia-" + suffix + "@example.org";
    UUID chat = chats.start("Pia <b>Page</b>", customer, "Can I change my plan " + suffix + "?", null).chat().id();
    await().atMost(Duration.ofSeconds(30)).until(() -> chats.require(chat).conversationId() != null);
    UUID conversation = chats.require(chat).conversationId();

    mvc.perform(get("/chats").with(asAna)).andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Can I change my plan " + suffix + "?")))
        .andExpect(content().string(Matchers.containsString("Pia &lt;b&gt;Page&lt;/b&gt;")))
        .andExpect(content().string(Matchers.containsString("/chats/" + chat + "/accept")));

    mvc.perform(post("/chats/" + chat + "/accept").with(asAna).with(csrf()))
        .andExpect(redirectedUrl("/chats/" + chat));
    mvc.perform(post("/chats/" + chat + "/accept").with(asBo).with(csrf()))
        .andExpect(redirectedUrl("/chats")).andExpect(flash().attribute("problem", "Another agent (Ana Agent) took this chat."));
    assertThat(chats.require(chat).agentId()).isEqualTo(ana.id());
    assertThat(chats.require(chat).state()).isEqualTo(ChatSession.State.ACTIVE);

    long lines = chats.lines(chat, 0).size();
    mvc.perform(post("/chats/" + chat + "/lines").with(asBo).with(csrf()).param("text", "Me too"))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("not-your-chat"));
    mvc.perform(post("/chats/" + chat + "/lines").with(asAna).with(csrf()).param("text", "   "))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("empty-line"));
    assertThat(chats.lines(chat, 0)).hasSize((int) lines);
    assertThat(conversations.requireDetails(conversation).messages())
        .noneMatch(m -> m.direction() == Direction.OUTBOUND);

    mvc.perform(post("/chats/" + chat + "/lines").with(asAna).with(csrf()).param("text", "Yes, from Settings."))
        .andExpect(status().isCreated());
    assertThat(conversations.requireDetails(conversation).messages())
        .filteredOn(m -> m.direction() == Direction.OUTBOUND).singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("Yes, from Settings."));

    // a reply written on the conversation's page (not the chat page) reaches the chat too, once
    Message fromConversationPage = replies.reply(conversation, Actor.agent(ana.id(), "Ana Agent"),
        "Your plan changes at the next invoice.");
    assertThat(chats.lines(chat, 0)).filteredOn(l -> fromConversationPage.id().equals(l.messageId())).singleElement()
        .satisfies(l -> assertThat(l.text()).isEqualTo("Your plan changes at the next invoice."));

    mvc.perform(get("/chats/" + chat).with(asAna)).andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Yes, from Settings.")))
        .andExpect(content().string(Matchers.containsString("id=\"chat-send\"")));
    mvc.perform(get("/chats/" + chat).with(asBo)).andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"chat-send\""))));

    mvc.perform(post("/chats/" + chat + "/end").with(asBo).with(csrf()))
        .andExpect(flash().attribute("problem", "Ana Agent has this chat."));
    assertThat(chats.require(chat).state()).isEqualTo(ChatSession.State.ACTIVE);
    mvc.perform(post("/chats/" + chat + "/end").with(asAna).with(csrf()))
        .andExpect(flash().attribute("notice", "The chat has ended; the conversation goes on by email."));
    assertThat(chats.require(chat).state()).isEqualTo(ChatSession.State.ENDED);
    assertThat(chats.require(chat).endReason()).isEqualTo("AGENT_ENDED");

    // the conversation goes on by email: the transcript is queued, and the next reply is an email, not a chat line
    assertThat(outbox.list(null, new PageRequest(0, 100)).items())
        .filteredOn(e -> customer.equals(e.recipient()))
        .anySatisfy(e -> assertThat(e.subject()).startsWith("Your chat with us [#"));
    long linesAtEnd = chats.lines(chat, 0).size();
    Message byEmail = replies.reply(conversation, Actor.agent(ana.id(), "Ana Agent"), "Following up by email.");
    assertThat(byEmail.channel()).isEqualTo(Channel.EMAIL);
    assertThat(outbox.ofMessage(byEmail.id())).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(OutboxKind.EMAIL));
    assertThat(chats.lines(chat, 0)).hasSize((int) linesAtEnd);
  }
}
