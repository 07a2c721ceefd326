package dev.tact.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.sla.SlaPolicies;
import dev.tact.sla.TeamCalendars;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The SLA pages: calendars and policies by form (readable errors, nothing changed), status in inbox and report. */
@TactTest
class SlaPagesTests {

  static final RequestPostProcessor ADMIN = user("admin@example.com").roles("ADMIN");

  @Autowired
  MockMvc mvc;

  @Autowired
  StaffDirectory staff;

  @Autowired
  TeamCalendars calendars;

  @Autowired
  SlaPolicies policies;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void shouldSetACalendarAndAPolicyByFormAndShowTheStatusInTheInbox() throws Exception {
    UUID team = staff.createTeam("Page team " + UUID.randomUUID()).id();
    mvc.perform(post("/admin/sla/calendars/" + team).with(ADMIN).with(csrf()).param("zone", "America/Winnipeg")
            .param("hours", "mon-fri 09:00-17:00\nsat 10:00-12:00").param("country", "CA").param("subdivision", "mb")
            .param("bankHolidays", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "Calendar saved."));
    assertThat(calendars.describe(team).hoursText()).isEqualTo("mon-fri 09:00-17:00\nsat 10:00-12:00");

    mvc.perform(post("/admin/sla/policies").with(ADMIN).with(csrf()).param("name", "Page policy")
            .param("priorities", "").param("teamIds", team.toString()).param("firstResponseMinutes", "100000")
            .param("warnAtPercent", "75"))
        .andExpect(status().is3xxRedirection());
    assertThat(policies.list()).extracting(p -> p.name()).contains("Page policy");

    String address = "pat-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Pat", null, null)).id();
    InboundOutcome opened = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact,
        "Pat", "Page subject", "Hello", null, null, null, Instant.now(), List.of(), null, null, team, false, false,
        null));

    UUID policyId = policies.list().stream().filter(p -> p.name().equals("Page policy")).findFirst().orElseThrow().id();
    String edit = mvc.perform(get("/admin/sla").param("edit", policyId.toString()).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(edit).contains("Edit Page policy").contains("value=\"100000\"");
    mvc.perform(post("/admin/sla/policies/" + policyId).with(ADMIN).with(csrf()).param("name", "Page policy")
            .param("teamIds", team.toString()).param("firstResponseMinutes", "90000").param("warnAtPercent", "80"))
        .andExpect(flash().attribute("notice", "Policy saved."));
    assertThat(policies.require(policyId).firstResponseMinutes()).isEqualTo(90000);
    assertThat(policies.require(policyId).warnAtPercent()).isEqualTo(80);

    String admin = mvc.perform(get("/admin/sla").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(admin).contains("Page policy").contains("America/Winnipeg");
    String inbox = mvc.perform(get("/").param("team", team.toString()).with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(inbox).contains("Page subject").contains("badge sla-ok").contains(" left");
    String page = mvc.perform(get("/conversations/" + opened.number()).with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Service targets").contains("Policy: Page policy").contains("first response");
    String report = mvc.perform(get("/sla/report").param("team", team.toString()).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(report).contains("first response").contains("id=\"sla-report\"");
    String queue = mvc.perform(get("/sla/queue").param("state", "due-soon").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(queue).contains("Due soon").doesNotContain("Page subject");
  }

  @Test
  void shouldListAnAgentsSlaNotificationsOnTheQueuePage() throws Exception {
    String email = "nora-" + UUID.randomUUID() + "@tact.test";
    UUID agent = staff.createAgent(email, "Nora Notified", dev.tact.staff.Role.AGENT, "pw-nora-12345678").id();
    jdbc.sql("""
        INSERT INTO sla_notification (id, agent_id, conversation_id, kind, text, created_at)
        VALUES (:id, :agent, :conversation, 'BREACH', '#77: first response was due Tue 11 Oct 2011 12:30', :at)""")
        .param("id", UUID.randomUUID()).param("agent", agent).param("conversation", UUID.randomUUID())
        .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();

    String queue = mvc.perform(get("/sla/queue").with(user(email).roles("AGENT"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(queue).contains("Your SLA notifications").contains("#77: first response was due Tue 11 Oct 2011 12:30");
    String other = mvc.perform(get("/sla/queue").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(other).doesNotContain("#77: first response");
  }

  @Test
  void shouldMarkSlaNotificationsReadFromTheQueuePage() throws Exception {
    String email = "rita-" + UUID.randomUUID() + "@tact.test";
    RequestPostProcessor rita = user(email).roles("AGENT");
    UUID agent = staff.createAgent(email, "Rita Reader", dev.tact.staff.Role.AGENT, "pw-rita-12345678").id();
    UUID first = notification(agent, "#81: first response due soon");
    notification(agent, "#82: resolution was due");
    UUID others = notification(staff.createAgent("oli-" + UUID.randomUUID() + "@tact.test", "Oli",
        dev.tact.staff.Role.AGENT, "pw-oli-12345678").id(), "#83: not Rita's");

    String queue = mvc.perform(get("/sla/queue").with(rita)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(queue).contains("2 unread").contains("Mark all read")
        .contains("action=\"/sla/notifications/" + first + "/read\"").contains("name=\"_csrf\"");
    String inbox = mvc.perform(get("/").with(rita)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(Jsoup.parse(inbox).select("nav a[href=/sla/queue] .count").text())
        .as("the navigation shows the unread count on every page").isEqualTo("2");

    mvc.perform(post("/sla/notifications/" + first + "/read").with(rita).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(mvc.perform(get("/sla/queue").with(rita)).andReturn().getResponse().getContentAsString())
        .contains("1 unread").doesNotContain("action=\"/sla/notifications/" + first + "/read\"");

    mvc.perform(post("/sla/notifications/" + others + "/read").with(rita).with(csrf()))
        .andExpect(flash().attribute("problem", "No sla-notification with id " + others + "."));
    mvc.perform(post("/sla/notifications/read").with(rita).with(csrf()))
        .andExpect(flash().attribute("notice", "1 notification marked read."));
    assertThat(mvc.perform(get("/sla/queue").with(rita)).andReturn().getResponse().getContentAsString())
        .doesNotContain("unread").doesNotContain("Mark all read");
    assertThat(Jsoup.parse(mvc.perform(get("/").with(rita)).andReturn().getResponse().getContentAsString())
        .select("nav a[href=/sla/queue] .count")).as("nothing left to read").isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_notification WHERE id = :id AND read_at IS NULL")
        .param("id", others).query(Integer.class).single()).isEqualTo(1);
    mvc.perform(post("/sla/notifications/read").with(rita)).andExpect(status().isForbidden());
  }

  private UUID notification(UUID agent, String text) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO sla_notification (id, agent_id, conversation_id, kind, text, created_at)
        VALUES (:id, :agent, :conversation, 'WARNING', :text, :at)""")
        .param("id", id).param("agent", agent).param("conversation", UUID.randomUUID()).param("text", text)
        .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
    return id;
  }

  @Test
  void shouldShowAReadableProblemAndChangeNothingWhenAFormIsWrong() throws Exception {
    UUID team = staff.createTeam("Bad form team " + UUID.randomUUID()).id();
    mvc.perform(post("/admin/sla/calendars/" + team).with(ADMIN).with(csrf()).param("zone", "Europe/Nowhere")
            .param("hours", "mon-fri 09:00-17:00"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("problem", "'Europe/Nowhere' is not a time zone such as America/Winnipeg."));
    mvc.perform(post("/admin/sla/calendars/" + team).with(ADMIN).with(csrf()).param("zone", "UTC")
            .param("hours", "every day"))
        .andExpect(flash().attribute("problem", "'every day' is not a rule such as mon-fri 09:00-17:00."));
    assertThat(calendars.describe(team).configured()).isFalse();

    int before = policies.list().size();
    mvc.perform(post("/admin/sla/policies").with(ADMIN).with(csrf()).param("name", "No targets"))
        .andExpect(flash().attribute("problem", "Give at least one target in business minutes."));
    assertThat(policies.list()).hasSize(before);
    mvc.perform(get("/admin/sla").with(user("agent@example.com").roles("AGENT"))).andExpect(status().isForbidden());
  }
}
