package dev.tact.incident.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.incident.Components;
import dev.tact.incident.Impact;
import dev.tact.incident.Incidents;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.testsupport.MailRelayBrowserTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.StaffMailbox;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outage story in Chromium: a lead declares an incident on a component, the public status page shows it to a
 * visitor who is not signed in, a customer's tweet about his sites being down is linked to it, and a sales call to
 * him is refused with the incident's number in the reason. And a visitor's subscription: asked for on the status
 * page, confirmed from the mail (double opt-in), a notice received, stopped with the notice's own link. The mail goes
 * to GreenMail, so these tests run on the mail relay browser tests' application context.
 */
@RequiresBrowser
class IncidentBrowserTests extends MailRelayBrowserTest {

  @Autowired
  MessageIntake intake;

  @Autowired
  Incidents incidents;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  Components components;

  @Test
  void shouldSubscribeOnTheStatusPageConfirmByMailAndStopTheNoticesWithTheirLink() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String component = "Mail relay " + suffix;
    UUID componentId = components.add(new Components.ComponentInput(component, "Mail", null, null, null)).id();
    String email = "watcher-" + suffix + "@customer.test";

    Page.LocatorOptions named = new Page.LocatorOptions().setHasText(component);
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      page.navigate("/status");
      return page.locator("select[name=component] option", named).count() == 1;
    });
    page.getByLabel("Email").fill(email);
    page.locator("select[name=component]").selectOption(componentId.toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
    assertThat(page.locator("h1")).hasText("Check your inbox");

    MimeMessage confirmation = StaffMailbox.await(email, 1);
    String confirm = StaffMailbox.link(confirmation, "/status/subscriptions/");
    page.navigate(pathOf(confirm) + "/confirm");
    assertThat(page.locator("h1")).hasText("Subscribed");
    assertThat(page.locator("main")).containsText(component + " (" + email + ")");

    incidents.declare(new Incidents.Declaration("Mail delayed " + suffix, Impact.parse("minor"),
        List.of(componentId), "Mail to some addresses waits in a queue.", null, null, true, false), "a test");
    MimeMessage notice = StaffMailbox.await(email, 2);
    org.assertj.core.api.Assertions.assertThat(notice.getSubject()).contains("Mail delayed " + suffix);
    org.assertj.core.api.Assertions.assertThat(StaffMailbox.text(notice))
        .contains("Mail to some addresses waits in a queue.");
    String stop = StaffMailbox.link(notice, "/status/subscriptions/");
    page.navigate(pathOf(stop) + "/unsubscribe");
    assertThat(page.locator("main")).containsText(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop the notices")).click();
    assertThat(page.locator("h1")).hasText("Unsubscribed");
    assertThat(page.locator("main")).containsText("No more incident notices about " + component);

    page.navigate(pathOf(confirm) + "/confirm");
    assertThat(page.locator("h1")).hasText("Link not valid");
  }

  /** The path of a link in a mail (its host is the configured base address, not this test's random port). */
  private static String pathOf(String link) {
    return URI.create(link).getPath();
  }

  @Test
  void shouldDeclareAnIncidentShowItPubliclyLinkTheTweetAboutItAndDenyTheSalesCall() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    logInAsAdmin();
    page.navigate("/admin/components");
    page.locator("#add-component input[name=name]").fill("Site hosting " + suffix);
    page.locator("#add-component input[name=keywords]").fill("sites, websites");
    page.locator("#add-component button").click();
    assertThat(page.locator(".notice")).hasText("Component added.");

    page.navigate("/incidents");
    page.locator("#declare input[name=title]").fill("Sites unreachable " + suffix);
    page.locator("#declare label", new Page.LocatorOptions().setHasText("Site hosting " + suffix))
        .locator("input").check();
    page.locator("#declare select[name=impact]").selectOption("critical");
    page.locator("#declare textarea[name=message]").fill("Sites hosted with us do not load. We are on it.");
    page.locator("#declare button[type=submit]").click();
    assertThat(page).hasURL(Pattern.compile("/incidents/\\d+$"));
    String reference = page.locator("h1 span").first().textContent();

    try (BrowserContext visitor = page.context().browser().newContext(new com.microsoft.playwright.Browser
        .NewContextOptions().setBaseURL("http://127.0.0.1:" + port))) {
      Page status = visitor.newPage();
      status.navigate("/status");
      assertThat(status.locator(".banner")).hasText("Major outage");
      assertThat(status.locator("#" + reference)).containsText("Sites unreachable " + suffix);
      assertThat(status.locator("#" + reference)).containsText("Sites hosted with us do not load.");
      // the component's 90 days as assistive technology meets them: a list, one item per run of days in one state
      Locator history = status.getByRole(AriaRole.LIST, new Page.GetByRoleOptions()
          .setName("Site hosting " + suffix + ", last 90 days"));
      Locator runs = history.getByRole(AriaRole.LISTITEM);
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      String day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(today);
      assertThat(runs.last()).hasText(day + ": Major outage");
      assertThat(runs.last()).hasAttribute("title", day + ": Major outage");
      assertThat(runs.first()).containsText("Operational (89 days)");
      assertThat(runs.first()).hasAttribute("data-from", today.minusDays(89).toString());
    }

    String handle = "twitter:@hostless_" + suffix;
    intake.submit(new MessageSubmission("social", handle, "Dan Hostless", null, null, null,
        "@acme my sites have been down since 9am and all I get from you is sales calls", "tweet-" + suffix, null,
        null));
    UUID incidentId = incidents.require(Long.parseLong(reference.substring(4))).id();
    await().atMost(Duration.ofSeconds(30)).until(() -> !incidents.links(incidentId).isEmpty());

    page.reload();
    assertThat(page.locator(".reporters")).hasText("1");
    page.locator("table.reports a").first().click();
    assertThat(page.locator(".incident-links")).containsText(reference + " Sites unreachable " + suffix);

    String digits = String.valueOf(1000 + ThreadLocalRandom.current().nextInt(9000));
    UUID dan = contacts.findByIdentity(identities.parse(handle)).orElseThrow().id();
    contacts.attach(dan, identities.phone("+1 204 555 " + digits));
    page.navigate("/calls");
    page.locator("#log-a-call").click();
    page.getByLabel("Find by email, phone, handle or name").fill("(204) 555-" + digits);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find"))
        .click();
    page.locator(".found-contacts a", new Page.LocatorOptions().setHasText("Dan Hostless")).click();
    page.locator("#call-outbound").check();
    page.locator("#call-purpose").selectOption("MARKETING");
    page.locator("#call-outcome").selectOption("ANSWERED");
    page.locator("#call-log").click();

    assertThat(page.locator(".call-policy .policy-outcome")).hasText("refused");
    page.locator(".call-policy a", new Page.LocatorOptions().setHasText("why?")).click();
    assertThat(page.locator("main")).containsText("affected by " + reference);
  }
}
