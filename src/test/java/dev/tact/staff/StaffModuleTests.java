package dev.tact.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;

/**
 * The staff module on its own (with the modules it depends on, none above it): deactivating an agent tells
 * the other modules with the event they act on, and the last active admin cannot be deactivated.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:staff-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false"})
class StaffModuleTests {

  private final StaffDirectory staff;
  private final AgentAdministration administration;
  private final StaffPrincipals principals;

  StaffModuleTests(StaffDirectory staff, AgentAdministration administration, StaffPrincipals principals) {
    this.staff = staff;
    this.administration = administration;
    this.principals = principals;
  }

  @Test
  void shouldNameWhoDidItEvenWithoutAnAgentRecord() {
    Agent agent = staff.createAgent(unique("lin") + "@help.test", "Lin Lead", Role.LEAD, "a long enough password 4");
    String gone = unique("gone") + "@help.test";
    TokenPrincipal token = new TokenPrincipal(UUID.randomUUID(), "crm sync", Role.ADMIN);

    assertThat(principals.who(new TestingAuthenticationToken(agent.email(), null, Role.LEAD.authority())))
        .isEqualTo("Lin Lead <" + agent.email() + ">");
    assertThat(principals.who(new TestingAuthenticationToken(gone, null, Role.AGENT.authority()))).isEqualTo(gone);
    assertThat(principals.who(new TestingAuthenticationToken(token, null, Role.ADMIN.authority())))
        .isEqualTo("integration crm sync");
    assertThat(principals.who(null)).isEqualTo("unknown");
  }

  @Test
  void shouldPublishTheDeactivationWithTheAgentsAddress(AssertablePublishedEvents events) {
    Agent agent = staff.createAgent(unique("noor") + "@help.test", "Noor", Role.AGENT, "a long enough password 1");

    administration.deactivate(agent.id());

    assertThat(staff.requireAgent(agent.id()).state()).isEqualTo(AgentState.DEACTIVATED);
    assertThat(events).contains(AgentDeactivated.class)
        .matching(AgentDeactivated::agentId, agent.id())
        .matching(AgentDeactivated::email, agent.email());
  }

  @Test
  void shouldRefuseToDeactivateTheLastActiveAdmin() {
    assertThat(staff.hasActiveAdmin()).as("this module test starts without an admin").isFalse();
    Agent admin = staff.createAgent(unique("ada") + "@help.test", "Ada", Role.ADMIN, "a long enough password 2");
    Agent other = staff.createAgent(unique("grace") + "@help.test", "Grace", Role.ADMIN, "a long enough password 3");
    administration.deactivate(other.id());

    assertThatThrownBy(() -> administration.deactivate(admin.id())).isInstanceOf(ProblemException.class);
    assertThat(staff.requireAgent(admin.id()).state()).isEqualTo(AgentState.ACTIVE);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
