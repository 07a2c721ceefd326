package dev.tact.sla.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.sla.SlaClocks;
import dev.tact.sla.SlaMetric;
import dev.tact.sla.SlaPolicies;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.RequiresBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Service targets in a real browser: an admin sets a first-response target (a wrong form first), the application's
 * clock moves past it, the durable breach timer fires, and the inbox, the SLA queue and the SLA report show it.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1", "tact.routing.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:sla-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1"})
@Import(SlaPagesBrowserTests.Fixtures.class)
class SlaPagesBrowserTests extends BrowserPageTest {

  @TestConfiguration
  static class Fixtures {

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  StaffDirectory staff;

  @Autowired
  SlaPolicies policies;

  @Autowired
  SlaClocks clocks;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Test
  void shouldShowABreachedFirstResponseInTheInboxTheQueueAndTheReport() {
    String teamName = "Night desk " + UUID.randomUUID().toString().substring(0, 8);
    UUID team = staff.createTeam(teamName).id();
    int policiesBefore = policies.list().size();

    logInAsAdmin();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Service targets").setExact(true)).click();
    assertThat(page.locator("main h1")).hasText("Service targets");

    // no target at all: refused with the reason, and no policy is added
    fillPolicy(teamName, "");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add policy")).click();
    assertThat(page.locator(".problem")).hasText("Give at least one target in business minutes.");
    assertThat(page.locator("table.list").last()).not().containsText("Night desk policy");
    org.assertj.core.api.Assertions.assertThat(policies.list()).hasSize(policiesBefore);

    // first before the demo's catch-all "Standard" policy, so that it is the one the team's conversations get
    fillPolicy(teamName, "30");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add policy")).click();
    assertThat(page.locator(".notice")).hasText("Policy added.");
    Locator policyRow = page.locator("tr", new Page.LocatorOptions().setHasText("Night desk policy"));
    assertThat(policyRow.locator("td").nth(0)).hasText("1");
    assertThat(policyRow).containsText(teamName);
    assertThat(policyRow).containsText("30 min");

    String subject = "Nothing works " + UUID.randomUUID().toString().substring(0, 8);
    UUID conversation = openConversation(team, subject);

    page.navigate("/?team=" + team);
    Locator inboxBadge = page.locator("#inbox tr", new Page.LocatorOptions().setHasText(subject))
        .locator(".sla-cell .badge");
    assertThat(inboxBadge).hasText("30 min left");
    assertThat(inboxBadge).hasClass(Pattern.compile("sla-ok"));

    clock.advance(Duration.ofMinutes(31));
    // the breach timer's poller sees the moved clock within its poll interval and records the breach
    await().atMost(Duration.ofSeconds(20)).until(() -> clocks.state(conversation).orElseThrow().clocks().stream()
        .anyMatch(c -> c.metric() == SlaMetric.FIRST_RESPONSE && c.breachedAt() != null));

    page.reload();
    assertThat(inboxBadge).hasText("breached");
    assertThat(inboxBadge).hasClass(Pattern.compile("sla-breached"));

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("SLA breached")).click();
    assertThat(page.locator("main h1")).hasText("Breached targets");
    Locator queueRow = page.locator("#sla-queue tr", new Page.LocatorOptions().setHasText(subject));
    assertThat(queueRow).containsText(teamName);
    assertThat(queueRow.locator(".sla-cell .badge")).hasText("breached");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("SLA report")).click();
    page.locator("select[name=team]").selectOption(new SelectOption().setLabel(teamName));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    assertThat(page.locator("main p.muted").first()).containsText(teamName);
    Locator firstResponse = page.locator("#sla-report tbody tr")
        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*first response")));
    // Target, With a target, Met, Breached, Running, Achieved
    assertThat(firstResponse.locator("td").nth(1)).hasText("1");
    assertThat(firstResponse.locator("td").nth(2)).hasText("0");
    assertThat(firstResponse.locator("td").nth(3)).hasText("1");
    assertThat(firstResponse.locator("td").nth(5)).hasText("0.0 %");
  }

  private void fillPolicy(String teamName, String firstResponseMinutes) {
    page.getByLabel("Name").fill("Night desk policy");
    page.locator("select[name=teamIds]").selectOption(new SelectOption().setLabel(teamName));
    page.getByLabel("First response (min)").fill(firstResponseMinutes);
    page.getByLabel("Position").fill("1");
  }

  private UUID openConversation(UUID team, String subject) {
    String address = "sam-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Sam Waiting", null, null)).id();
    return conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Sam Waiting",
        subject, "The router has been down since this morning.", null, null, null, clock.instant(), List.of(), null,
        null, team, false, false, null)).conversationId();
  }
}
