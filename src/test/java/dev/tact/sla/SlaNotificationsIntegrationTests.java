package dev.tact.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reading SLA notifications: one or all of the agent's, never another agent's. */
@TactTest
class SlaNotificationsIntegrationTests {

  @Autowired SlaNotifications notifications;
  @Autowired StaffDirectory staff;

  UUID nora;
  UUID otto;
  UUID team;

  @BeforeEach
  void agentsAndTeam() {
    nora = agent("nora");
    otto = agent("otto");
    team = staff.createTeam("Night shift " + UUID.randomUUID()).id();
    staff.addMember(team, nora);
    staff.addMember(team, otto);
  }

  @Test
  void shouldMarkOneReadAndCountTheRest() {
    UUID first = notify(nora, "#1: first response due");
    notify(nora, "#2: first response due");

    assertThat(unread(nora)).isEqualTo(2);
    notifications.markRead(first, nora);
    notifications.markRead(first, nora);

    assertThat(unread(nora)).isEqualTo(1);
    assertThat(notifications.forAgent(nora, 10))
        .filteredOn(n -> n.id().equals(first)).singleElement().extracting(SlaNotification::readAt).isNotNull();
  }

  @Test
  void shouldNotFindAnotherAgentsNotificationOrAnUnknownOne() {
    UUID ottos = notify(otto, "#3: resolution breached");

    assertThatThrownBy(() -> notifications.markRead(ottos, nora))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> notifications.markRead(UUID.randomUUID(), nora))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("sla-notification-not-found"));

    assertThat(unread(otto)).isEqualTo(1);
  }

  @Test
  void shouldMarkAllOfTheAgentsReadIncludingTheirTeamsButNoOtherAgents() {
    notify(nora, "#4: first response due");
    notifications.notify(null, team, UUID.randomUUID(), "WARNING", "#5: unassigned, first response due");
    notify(otto, "#6: resolution breached");
    assertThat(unread(nora)).isEqualTo(2);
    assertThat(unread(otto)).isEqualTo(2);

    assertThat(notifications.markAllRead(nora)).isEqualTo(2);

    assertThat(unread(nora)).isZero();
    assertThat(unread(otto)).as("the team's notice is read for the team, Otto's own is not").isEqualTo(1);
    assertThat(notifications.markAllRead(nora)).isZero();
  }

  private UUID agent(String name) {
    return staff.createAgent(name + "-" + UUID.randomUUID() + "@tact.test", name, Role.AGENT, "pw-" + name + "-12345678")
        .id();
  }

  private UUID notify(UUID agent, String text) {
    notifications.notify(agent, null, UUID.randomUUID(), "WARNING", text);
    return notifications.forAgent(agent, 100).stream().filter(n -> n.text().equals(text)).findFirst()
        .orElseThrow().id();
  }

  private int unread(UUID agent) {
    return notifications.unreadCount(agent);
  }
}
