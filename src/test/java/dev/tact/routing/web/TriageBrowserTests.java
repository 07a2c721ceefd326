package dev.tact.routing.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.routing.FrontDoor;
import dev.tact.routing.RoutingRule;
import dev.tact.routing.RoutingRules;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Triage in a real browser: an agent routes a conversation the front door could not place and reads its facts. */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class TriageBrowserTests extends BrowserPageTest {

  @Autowired
  ApiTokens tokens;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  FrontDoor door;

  @Autowired
  RoutingRules rules;

  @Test
  void shouldRouteAConversationFromTriageAndShowWhatTheCustomerAlreadySaid() throws Exception {
    String subject = "Zorblax " + UUID.randomUUID().toString().substring(0, 8);
    ConversationSummary c = postMessage(subject, "Zorblax quux frobnicate, order #ZX-99812 of 12 March, "
        + "call +44 20 7946 0958.");
    if (!c.tags().contains("triage")) {
      // the seed model was sure of something: put it in triage as the front door does when unsure
      conversations.addTags(c.id(), Actor.system(), List.of("triage"));
    }

    logInAsAdmin();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage").setExact(true)).click();

    Locator row = page.locator("#triage-" + c.number());
    assertThat(row).containsText(subject);
    assertThat(row.locator("ul.suggestions li").first()).containsText("%");
    row.locator("select[name=team]").selectOption(new SelectOption().setLabel("Billing"));
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Route")).click();

    assertThat(page.locator(".notice")).containsText("#" + c.number() + " routed to Billing.");
    assertThat(page.locator("#triage-" + c.number())).hasCount(0);

    page.navigate("/conversations/" + c.number());
    Locator facts = page.locator("#facts");
    assertThat(facts).containsText("Facts so far");
    assertThat(facts).containsText("ZX-99812");
    assertThat(facts).containsText("+44 20 7946 0958");
    assertThat(facts).containsText("12 March");
    assertThat(facts).containsText("Billing");
    assertThat(page.locator(".meta")).containsText("team Billing");
  }

  @Test
  void shouldShowWhyAnAdminsRoutingChangeWasRefusedAndKeepTheOldValue() {
    logInAsAdmin();
    page.navigate("/admin/routing");
    Locator presales = page.locator("#teams .team", new Page.LocatorOptions().setHas(
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Presales").setExact(true))));
    presales.locator("input[name=languages]").fill("en, de");
    presales.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save skills")).click();
    assertThat(page.locator(".notice")).containsText("Skills saved.");

    presales = page.locator("#teams .team", new Page.LocatorOptions().setHas(
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Presales").setExact(true))));
    presales.locator("input[name=languages]").fill("english!");
    presales.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save skills")).click();
    assertThat(page.locator(".problem")).containsText("'english!' is not a language code");
    assertThat(page.locator("#teams .team input[name=languages]").first()).isVisible();
    assertThat(page.locator("#teams .team", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
        new Page.GetByRoleOptions().setName("Presales").setExact(true)))).locator("input[name=languages]"))
        .hasValue("de, en");

    presales = page.locator("#teams .team", new Page.LocatorOptions().setHas(
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Presales").setExact(true))));
    presales.locator("select[name=mode]").selectOption("round-robin");
    presales.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save assignment")).click();
    assertThat(page.locator(".notice")).containsText("Assignment saved.");
    assertThat(page.locator("#teams .team", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
        new Page.GetByRoleOptions().setName("Presales").setExact(true)))).locator("select[name=mode]"))
        .hasValue("round-robin");

    page.locator("#add-rule select[name=kind]").selectOption("tier");
    page.locator("#add-rule input[name=value]").fill("platinum");
    page.locator("#add-rule select[name=escalateTo]").selectOption("lead");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
    assertThat(page.locator(".notice")).containsText("Rule added.");
    assertThat(page.locator("#rules table")).containsText("platinum");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retrain now")).click();
    assertThat(page.locator(".notice")).containsText("Retrained on");
  }

  @Test
  void shouldEditARuleInPlaceAndKeepItAsItWasWhenTheNewValuesAreBad() {
    String word = "edit-me-" + UUID.randomUUID().toString().substring(0, 8);
    logInAsAdmin();
    page.navigate("/admin/routing");
    page.locator("#add-rule select[name=kind]").selectOption("keyword");
    page.locator("#add-rule input[name=value]").fill(word);
    page.locator("#add-rule select[name=intent]").selectOption("billing");
    page.locator("#add-rule input[name=position]").fill("40");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
    assertThat(page.locator(".notice")).containsText("Rule added.");
    RoutingRule added = rules.list().stream().filter(r -> r.value().equals(word)).findFirst().orElseThrow();
    int count = rules.list().size();

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit rule " + word)).click();
    Locator form = page.locator("#edit-rule");
    assertThat(form.locator("select[name=kind]")).hasValue("keyword");
    assertThat(form.locator("input[name=value]")).hasValue(word);
    assertThat(form.locator("select[name=intent]")).hasValue("billing");
    assertThat(form.locator("select[name=team]")).hasValue("");
    assertThat(form.locator("input[name=position]")).hasValue("40");

    // neither intent, team nor escalation: refused, the rule and its form stay as they were
    form.locator("select[name=intent]").selectOption("");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save rule")).click();
    assertThat(page.locator(".problem")).hasText("A rule needs an intent, a team or an escalation.");
    assertThat(page.locator("#edit-rule select[name=intent]")).hasValue("billing");
    org.assertj.core.api.Assertions.assertThat(rules.find(added.id())).contains(added);

    form = page.locator("#edit-rule");
    form.locator("select[name=kind]").selectOption("sender");
    form.locator("input[name=value]").fill("@" + word + ".example");
    form.locator("select[name=team]").selectOption(new SelectOption().setLabel("Billing"));
    form.locator("select[name=escalateTo]").selectOption("specialist");
    form.locator("input[name=position]").fill("3");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save rule")).click();
    assertThat(page.locator(".notice")).hasText("Rule saved.");
    assertThat(page.locator("#edit-rule")).hasCount(0);
    Locator row = page.locator("#rule-" + added.id());
    assertThat(row).containsText("sender @" + word + ".example");
    assertThat(row.locator("td").nth(0)).hasText("3");
    assertThat(row.locator("td").nth(2)).hasText("billing");
    assertThat(row.locator("td").nth(3)).hasText("Billing");
    assertThat(row.locator("td").nth(4)).hasText("specialist");
    RoutingRule saved = rules.find(added.id()).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(saved.kind()).isEqualTo(RoutingRule.Kind.SENDER);
    org.assertj.core.api.Assertions.assertThat(saved.position()).isEqualTo(3);
    org.assertj.core.api.Assertions.assertThat(rules.list()).hasSize(count);

    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
    assertThat(page.locator(".notice")).hasText("Rule deleted.");
  }

  private ConversationSummary postMessage(String subject, String text) throws Exception {
    String token = tokens.issue("triage-browser", Role.ADMIN, null).secret();
    String body = "{\"channel\":\"email\",\"sender\":\"zed-" + UUID.randomUUID() + "@quux.example\",\"subject\":\""
        + subject + "\",\"text\":\"" + text + "\"}";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/v1/messages")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> conversations.list(
        new dev.tact.conversation.ConversationFilter(java.util.Set.of(), null, null, false, null, null),
        new dev.tact.shared.PageRequest(0, 20)).items().stream().anyMatch(s -> subject.equals(s.subject())
        && door.intentOf(s.id()).isPresent()));
    return conversations.list(new dev.tact.conversation.ConversationFilter(java.util.Set.of(), null, null, false,
        null, null), new dev.tact.shared.PageRequest(0, 20)).items().stream().filter(s -> subject.equals(s.subject()))
        .findFirst().orElseThrow();
  }
}
