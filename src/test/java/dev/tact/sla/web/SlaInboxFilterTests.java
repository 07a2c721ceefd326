package dev.tact.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.PageRequest;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox and the conversation list API filter by SLA state with the SLA queue's meaning: breached, due soon
 * (at risk); an unknown state is a readable 400 page or a 400 Problem Details answer.
 */
@TactTest
class SlaInboxFilterTests {

  static final RequestPostProcessor AGENT = user("agent@example.com").roles("AGENT");

  @Autowired MockMvc mvc;
  @Autowired StaffDirectory staff;
  @Autowired ConversationManagement conversations;
  @Autowired ContactManagement contacts;
  @Autowired JdbcClient jdbc;

  UUID team;
  long breached;
  long dueSoon;
  long onTime;
  long untracked;

  @BeforeEach
  void conversationsInEachState() {
    team = staff.createTeam("Filter team " + UUID.randomUUID()).id();
    Instant now = Instant.now();
    breached = open("Breached one", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)));
    dueSoon = open("Due soon one", now.plus(Duration.ofMinutes(5)), null);
    onTime = open("On time one", now.plus(Duration.ofDays(3)), null);
    untracked = open("No target one", null, null);
  }

  @Test
  void shouldFilterTheInboxBySlaStateAsTheQueueDoes() throws Exception {
    assertThat(inboxNumbers("breached")).containsExactly(breached);
    assertThat(inboxNumbers("due-soon")).containsExactly(dueSoon);
    assertThat(inboxNumbers("at-risk")).containsExactly(dueSoon);
    assertThat(inboxNumbers("")).containsExactlyInAnyOrder(breached, dueSoon, onTime, untracked);
    assertThat(queueNumbers("breached")).containsExactly(breached);
    assertThat(queueNumbers("due-soon")).containsExactly(dueSoon);

    String page = mvc.perform(get("/").param("team", team.toString()).param("sla", "breached").with(AGENT))
        .andReturn().getResponse().getContentAsString();
    assertThat(Jsoup.parse(page).select("select[name=sla] option[selected]").attr("value")).isEqualTo("breached");
  }

  @Test
  void shouldShowAReadablePageForAnUnknownSlaState() throws Exception {
    String page = mvc.perform(get("/").param("sla", "late").with(AGENT)).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Unknown SLA state &#39;late&#39;: use breached or due-soon.");
  }

  @Test
  void shouldFilterTheConversationListApiBySlaStateAndRejectAnUnknownOne() throws Exception {
    assertThat(apiNumbers("breached")).containsExactly(breached);
    assertThat(apiNumbers("due-soon")).containsExactly(dueSoon);
    assertThat(apiNumbers(null)).hasSize(4);

    mvc.perform(get("/api/v1/conversations").param("sla", "overdue").with(AGENT))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("unknown-sla-filter"));
  }

  @Test
  void shouldListOnlyTheGivenConversationsEvenWhenThereAreMoreThanADriverTakesAsParameters() {
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    for (int i = 0; i < 40_000; i++) {
      ids.add(Ids.newId());
    }
    UUID wanted = conversations.list(new ConversationFilter(null, team, null, false, null, null),
        new PageRequest(0, 25)).items().stream().filter(c -> c.number() == breached).findFirst().orElseThrow().id();
    ids.add(wanted);

    var page = conversations.list(new ConversationFilter(null, null, null, false, null, null, ids),
        new PageRequest(0, 25));

    assertThat(page.items()).extracting(c -> c.number()).containsExactly(breached);
    assertThat(page.total()).isEqualTo(1);
  }

  private long open(String subject, Instant dueAt, Instant breachedAt) {
    String address = "sam-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Sam", null, null)).id();
    var opened = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Sam",
        subject, "Hello", null, null, null, Instant.now(), List.of(), null, null, team, false, false, null));
    if (dueAt != null) {
      // the clock as a policy with a first-response target would have planned it
      int updated = jdbc.sql("""
          UPDATE sla_clock SET target_minutes = 60, due_at = :due, breached_at = :breached
          WHERE conversation_id = :c AND metric = 'FIRST_RESPONSE'""")
          .param("due", OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC))
          .param("breached", breachedAt == null ? null : OffsetDateTime.ofInstant(breachedAt, ZoneOffset.UTC))
          .param("c", opened.conversationId()).update();
      assertThat(updated).as("the conversation's first-response clock").isEqualTo(1);
    }
    return opened.number();
  }

  private List<Long> inboxNumbers(String sla) throws Exception {
    String page = mvc.perform(get("/").param("team", team.toString()).param("sla", sla).with(AGENT))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return Jsoup.parse(page).select("#inbox tbody tr td:first-child a").eachText().stream()
        .map(n -> Long.parseLong(n.substring(1))).toList();
  }

  private List<Long> queueNumbers(String state) throws Exception {
    String page = mvc.perform(get("/sla/queue").param("team", team.toString()).param("state", state).with(AGENT))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return Jsoup.parse(page).select("#sla-queue tbody tr td:first-child a").eachText().stream()
        .map(n -> Long.parseLong(n.substring(1))).toList();
  }

  private List<Long> apiNumbers(String sla) throws Exception {
    var request = get("/api/v1/conversations").param("team", team.toString()).with(AGENT);
    if (sla != null) {
      request = request.param("sla", sla);
    }
    String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<Long> numbers = new ArrayList<>();
    for (JsonNode item : JsonMapper.builder().build().readTree(json).path("items")) {
      numbers.add(item.path("number").asLong());
    }
    return numbers;
  }
}
