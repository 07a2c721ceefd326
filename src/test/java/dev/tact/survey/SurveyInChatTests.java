package dev.tact.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.tact.chat.ChatLine;
import dev.tact.chat.Chats;
import dev.tact.conversation.ConversationManagement;
import dev.tact.shared.Channel;
import dev.tact.staff.Agent;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A chat conversation solved while the chat goes on: the survey is a line in the chat (the visitor sees it in the
 * widget), not an email, and its link takes the answer.
 */
@TactTest
class SurveyInChatTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort
  int port;

  @Autowired
  Chats chats;

  @Autowired
  StaffDirectory staff;

  @Autowired
  ApiTokens tokens;

  @Autowired
  Surveys surveys;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  MockMvc mvc;

  @Test
  void shouldPutTheSurveyInlineInTheChatWhenItsConversationIsSolved() throws Exception {
    String suffix = UUID.randomUUID().toString();
    Chats.Started started = chats.start("Cleo", "cleo-" + suffix + "@example.org", "Wrong size " + suffix, null);
    UUID chat = started.chat().id();
    await().atMost(PATIENCE).until(() -> chats.require(chat).conversationId() != null);
    UUID conversation = chats.require(chat).conversationId();
    Agent agent = staff.createAgent("ida-" + suffix + "@tact.test", "Ida Agent", Role.AGENT, "pass-" + suffix);
    chats.accept(chat, agent);
    chats.agentSays(chat, agent, "A new one is on its way.");

    JsonApi admin = new JsonApi(port, tokens.issue("chat-survey-" + suffix, Role.ADMIN, null).secret());
    JsonApi.Answer solved = admin.put("/api/v1/conversations/" + conversations.findByReference(conversation.toString())
        .orElseThrow().number() + "/status", Map.of("status", "solved"));
    assertThat(solved.status()).as(solved.raw()).isEqualTo(200);

    Survey survey = await().atMost(PATIENCE).until(() -> surveys.ofConversation(conversation).stream().findFirst()
        .orElse(null), s -> s != null);
    assertThat(survey.sent()).as(survey.reason()).isTrue();
    assertThat(survey.channel()).isEqualTo(Channel.CHAT);
    ChatLine line = await().atMost(PATIENCE).until(() -> chats.lines(chat, 0).stream()
        .filter(l -> l.text().contains("/survey/")).findFirst().orElse(null), l -> l != null);
    assertThat(line.kind()).isEqualTo(ChatLine.Kind.AGENT);
    assertThat(line.text()).contains("Was our help good, or not good?");

    String token = SolvedConversations.tokenIn(line.text());
    assertThat(mvc.perform(post("/survey/" + token).param("score", "1").param("comment", "Still waiting " + suffix)
        .with(r -> {
          r.setRemoteAddr("10.19.0." + (1 + (suffix.hashCode() & 0x7f)));
          return r;
        })).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(surveys.ofConversation(conversation).getFirst().poor()).isTrue();
  }
}
