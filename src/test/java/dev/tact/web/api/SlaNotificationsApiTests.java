package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The SLA notification API as an agent calls it: unread count, mark one or all read, never another agent's. */
@TactTest
class SlaNotificationsApiTests {

  @Autowired MockMvc mvc;
  @Autowired StaffDirectory staff;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor nora;
  UUID noraId;
  UUID ottoId;

  @BeforeEach
  void agents() {
    String email = "nora-" + UUID.randomUUID() + "@tact.test";
    noraId = staff.createAgent(email, "Nora", Role.AGENT, "pw-nora-12345678").id();
    nora = user(email).roles("AGENT");
    ottoId = staff.createAgent("otto-" + UUID.randomUUID() + "@tact.test", "Otto", Role.AGENT, "pw-otto-12345678").id();
  }

  @Test
  void shouldCountMarkOneAndMarkAllRead() throws Exception {
    UUID first = insert(noraId, "#10: first response due");
    insert(noraId, "#11: first response due");
    insert(noraId, "#12: resolution breached");
    unread(3);

    mvc.perform(post("/api/v1/sla/notifications/" + first + "/read").with(nora)).andExpect(status().isNoContent());
    unread(2);
    mvc.perform(get("/api/v1/sla/notifications").with(nora)).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + first + "')].readAt").isNotEmpty());

    mvc.perform(post("/api/v1/sla/notifications/read").with(nora)).andExpect(status().isOk())
        .andExpect(jsonPath("$.marked").value(2));
    unread(0);
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownOrAnotherAgentsNotificationAndChangeNothing() throws Exception {
    UUID ottos = insert(ottoId, "#13: resolution breached");

    for (UUID id : new UUID[] {ottos, UUID.randomUUID()}) {
      mvc.perform(post("/api/v1/sla/notifications/" + id + "/read").with(nora))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.code").value("sla-notification-not-found"));
    }
    mvc.perform(post("/api/v1/sla/notifications/read").with(nora)).andExpect(jsonPath("$.marked").value(0));

    assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_notification WHERE id = :id AND read_at IS NULL")
        .param("id", ottos).query(Integer.class).single()).isEqualTo(1);
  }

  private void unread(int expected) throws Exception {
    mvc.perform(get("/api/v1/sla/notifications/unread-count").with(nora)).andExpect(status().isOk())
        .andExpect(jsonPath("$.unread").value(expected));
  }

  private UUID insert(UUID agent, String text) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO sla_notification (id, agent_id, conversation_id, kind, text, created_at)
        VALUES (:id, :agent, :conversation, 'WARNING', :text, :at)""")
        .param("id", id).param("agent", agent).param("conversation", UUID.randomUUID()).param("text", text)
        .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
    return id;
  }
}
