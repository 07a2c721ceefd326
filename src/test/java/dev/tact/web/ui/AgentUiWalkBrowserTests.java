package dev.tact.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Status;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.intake.Mailbox;
import dev.tact.intake.MailboxRequest;
import dev.tact.intake.Mailboxes;
import dev.tact.intake.MessageIntake;
import dev.tact.routing.FrontDoor;
import dev.tact.shared.PageRequest;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The agent UI walked in Chromium as a new user walks it (issue 14, point 13): confirmations before what cannot be
 * undone, tags of several words, triage, the inbox without closed conversations, counts, merge history, previous
 * conversations, the favicon and parked items. Same context as {@link AgentUiBrowserTests}.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class AgentUiWalkBrowserTests extends BrowserPageTest {

  @Autowired
  ApiTokens tokens;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  MessageIntake intake;

  @Autowired
  InboundItems items;

  @Autowired
  Mailboxes mailboxes;

  @Autowired
  FrontDoor door;

  @Test
  void shouldShowANewTokensSecretOnceAndIssueNoSecondTokenWhenThePageIsReloaded() {
    String name = "reload-" + suffix();
    logInAsAdmin();
    page.navigate("/admin/tokens");
    page.getByLabel("Name").fill(name);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
    assertThat(page.locator(".secret")).containsText("shown only this once");
    String secret = page.locator(".secret-value").textContent();

    page.reload();

    assertThat(page.locator("main h1")).hasText("API tokens");
    assertThat(page.locator(".secret")).hasCount(0);
    assertThat(page.locator("main")).not().containsText(secret);
    assertThat(page.locator("table.list tbody tr", new Page.LocatorOptions().setHasText(name))).hasCount(1);
    org.assertj.core.api.Assertions.assertThat(tokens.list().stream().filter(t -> t.name().equals(name)))
        .hasSize(1);
  }

  @Test
  void shouldAskBeforeRevokingATokenAndNameItOnceRevoked() {
    String name = "doomed-" + suffix();
    UUID id = tokens.issue(name, Role.AGENT, null).token().id();
    logInAsAdmin();
    page.navigate("/admin/tokens");

    page.locator("#token-" + id).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Revoke…")).click();
    assertThat(page.locator("#confirm-revoke h2")).hasText("Revoke token " + name + "?");
    org.assertj.core.api.Assertions.assertThat(tokens.require(id).revoked()).as("asking changes nothing").isFalse();

    page.locator("#confirm-revoke").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Revoke token")).click();
    assertThat(page.locator(".notice")).hasText("Token " + name + " revoked.");
    org.assertj.core.api.Assertions.assertThat(tokens.require(id).revoked()).isTrue();
  }

  @Test
  void shouldAskBeforeDeletingAMailboxAndKeepItWhenCancelled() {
    String address = "help-" + suffix() + "@example.com";
    Mailbox mailbox = mailboxes.create(new MailboxRequest("Help", address, null, false, null, null, null, null, null,
        null, null, null, null));
    logInAsAdmin();
    page.navigate("/admin/mailboxes");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete " + address)).click();
    assertThat(page.locator("#confirm-delete h2")).hasText("Delete mailbox " + address + "?");
    page.locator("#confirm-delete").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel"))
        .click();
    assertThat(page.locator("#confirm-delete")).hasCount(0);
    org.assertj.core.api.Assertions.assertThat(mailboxes.find(mailbox.id())).isPresent();

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete " + address)).click();
    page.locator("#confirm-delete").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
        .setName("Delete mailbox")).click();
    assertThat(page.locator(".notice")).hasText("Mailbox " + address + " deleted.");
    assertThat(page.locator("table.list")).not().containsText(address);
    org.assertj.core.api.Assertions.assertThat(mailboxes.find(mailbox.id())).isEmpty();
  }

  @Test
  void shouldAskBeforeMergingContactsAndNameTheMergedOnesInTheHistory() {
    String tag = suffix();
    Contact survivor = contact("Ines Survivor " + tag, "ines-" + tag + "@example.com");
    Contact one = contact("Olga One " + tag, "olga-" + tag + "@example.com");
    Contact two = contacts.create(new ContactNames("Tomás Two " + tag, null, null),
        List.of(identities.email("tomas-" + tag + "@example.com"), identities.email("Tomas." + tag + "@Work.example")),
        null);
    logInAsAdmin();
    page.navigate("/contacts/" + survivor.id());

    page.getByLabel("Find contact").fill("Olga One " + tag);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Merge Olga One " + tag
        + " into this contact")).click();
    Locator confirm = page.locator("#confirm-merge");
    assertThat(confirm.locator("h2")).hasText("Merge Olga One " + tag + " into Ines Survivor " + tag + "?");
    assertThat(confirm).containsText("olga-" + tag + "@example.com");
    assertThat(confirm).containsText("0 conversations");
    org.assertj.core.api.Assertions.assertThat(contacts.require(one.id()).id()).as("asking changes nothing")
        .isEqualTo(one.id());

    confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();
    assertThat(page.locator(".notice")).hasText("Merged Olga One " + tag + " into this contact: 1 identity moved.");

    // by ID, as typed: the same confirmation, naming the contact
    page.getByLabel("Or by contact ID").fill(two.id().toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge…")).click();
    assertThat(page.locator("#confirm-merge h2")).hasText("Merge Tomás Two " + tag + " into Ines Survivor " + tag
        + "?");
    page.locator("#confirm-merge").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge"))
        .click();
    assertThat(page.locator(".notice")).hasText("Merged Tomás Two " + tag + " into this contact: 2 identities moved.");

    Locator history = page.locator("ul.merges li");
    assertThat(history).hasCount(2);
    assertThat(history.nth(0).locator(".merged-contact")).hasText("Tomás Two " + tag + " (tomas-" + tag
        + "@example.com, Tomas." + tag + "@Work.example)");
    assertThat(history.nth(0)).containsText("2 identities moved");
    assertThat(history.nth(1).locator(".merged-contact")).hasText("Olga One " + tag + " (olga-" + tag
        + "@example.com)");
    assertThat(history.nth(1)).containsText("1 identity moved");

    page.getByLabel("Or by contact ID").fill("not-an-id");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge…")).click();
    assertThat(page.locator(".problem")).hasText("'not-an-id' is not a contact ID.");
    assertThat(page.locator("#confirm-merge")).hasCount(0);
  }

  @Test
  void shouldKeepATagOfSeveralWordsAsOneTagAndSayWhatWasAddedAndRemoved() throws Exception {
    ConversationSummary c = message("tags-" + suffix() + "@customer.example", "My order " + suffix(),
        "Where is my order? It was due on Monday.");
    logInAsAdmin();
    page.navigate("/conversations/" + c.number());

    page.getByLabel("Add tags").fill("Needs   Follow up, vip");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
    assertThat(page.locator(".notice")).hasText("Tags “needs follow up” and “vip” added.");
    assertThat(page.locator(".tags .tag > span", new Page.LocatorOptions().setHasText("needs follow up")))
        .hasCount(1);
    org.assertj.core.api.Assertions.assertThat(page.locator(".tags .tag > span").allTextContents())
        .contains("needs follow up", "vip").doesNotContain("needs", "follow", "up");

    page.getByLabel("Add tags").fill("vip");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
    assertThat(page.locator(".notice")).hasText("“vip” was already a tag.");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove tag needs follow up")).click();
    assertThat(page.locator(".notice")).hasText("Tag “needs follow up” removed.");
    assertThat(page.locator(".tags")).not().containsText("needs follow up");
    org.assertj.core.api.Assertions.assertThat(conversations.requireDetails(c.id()).conversation().tags())
        .contains("vip").doesNotContain("needs follow up", "needs", "follow", "up");
  }

  @Test
  void shouldTakeAConversationOutOfTriageWhenAnAgentAssignsATeamOnItsPage() throws Exception {
    ConversationSummary c = message("zed-" + suffix() + "@quux.example", "Zorblax " + suffix(),
        "Zorblax quux frobnicate wibble.");
    if (!c.tags().contains("triage")) { // the seed model was sure of something: put it where the door puts doubt
      conversations.addTags(c.id(), Actor.system(), List.of("triage"));
    }
    logInAsAdmin();
    page.navigate("/triage");
    assertThat(page.locator("#triage-" + c.number())).hasCount(1);

    page.navigate("/conversations/" + c.number());
    page.locator("select[name=team]").selectOption(new SelectOption().setLabel("Billing"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();

    assertThat(page.locator(".notice")).hasText("Assignment saved.");
    assertThat(page.locator(".meta")).containsText("team Billing");
    assertThat(page.locator(".tags")).not().containsText("triage");
    assertThat(page.locator(".tags")).containsText("intent:billing");
    assertThat(page.locator("#facts .badge", new Page.LocatorOptions().setHasText("triage"))).hasCount(0);
    assertThat(page.locator(".history")).containsText("untagged triage");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage").setExact(true)).click();
    assertThat(page.locator("main h1")).hasText("Triage");
    assertThat(page.locator("#triage-" + c.number())).hasCount(0);
    org.assertj.core.api.Assertions.assertThat(door.intentOf(c.id()).orElseThrow().triage()).isFalse();
  }

  @Test
  void shouldHideClosedConversationsFromTheInboxUnlessAskedWhileTheApiListsEveryStatus() throws Exception {
    String tag = "closing-" + suffix();
    String sender = "closer-" + suffix() + "@customer.example";
    ConversationSummary open = message(sender, "Still open " + tag, "Please call me back about my invoice.");
    ConversationSummary closed = message(sender, "Done with " + tag, "Thanks, all sorted with the invoice.");
    conversations.addTags(open.id(), Actor.system(), List.of(tag));
    conversations.addTags(closed.id(), Actor.system(), List.of(tag));
    conversations.changeStatus(closed.id(), Actor.system(), Status.CLOSED);
    logInAsAdmin();

    page.navigate("/?tag=" + tag);
    assertThat(rowsOfInbox()).hasText(new String[] {"#" + open.number()});
    assertThat(page.locator("#inbox .total")).hasText("1 conversation");
    assertThat(page.locator("#inbox .closed-hidden")).containsText("Show closed");

    page.getByLabel("Show closed").check(); // htmx reloads the list and the address
    assertThat(page).hasURL(Pattern.compile("closed=true"));
    assertThat(rowsOfInbox()).hasCount(2);
    org.assertj.core.api.Assertions.assertThat(rowsOfInbox().allTextContents())
        .containsExactlyInAnyOrder("#" + open.number(), "#" + closed.number());
    assertThat(page.locator("#inbox .total")).hasText("2 conversations");
    assertThat(page.locator("#inbox .closed-hidden")).hasCount(0);

    page.navigate("/?status=closed&tag=" + tag);
    assertThat(rowsOfInbox()).hasText(new String[] {"#" + closed.number()});

    String token = tokens.issue("inbox-api-" + suffix(), Role.AGENT, null).secret();
    org.assertj.core.api.Assertions.assertThat(api(token, "/api/v1/conversations?tag=" + tag))
        .as("the API lists every status unless asked").contains("\"number\":" + open.number())
        .contains("\"number\":" + closed.number());
    org.assertj.core.api.Assertions.assertThat(api(token, "/api/v1/conversations?status=open,new&tag=" + tag))
        .contains("\"number\":" + open.number()).doesNotContain("\"number\":" + closed.number());
  }

  @Test
  void shouldListOnlyEarlierConversationsOfTheCustomerAsPrevious() throws Exception {
    String sender = "thrice-" + suffix() + "@customer.example";
    ConversationSummary first = message(sender, "First question " + suffix(), "How do I reset my password?");
    ConversationSummary second = message(sender, "Second question " + suffix(), "How do I change my plan?");
    ConversationSummary third = message(sender, "Third question " + suffix(), "How do I export my data?");
    logInAsAdmin();

    page.navigate("/conversations/" + second.number());
    assertThat(page.locator("ul.previous a")).hasText(new String[] {"#" + first.number() + " " + first.subject()});

    page.navigate("/conversations/" + first.number());
    assertThat(page.locator("ul.previous li")).hasText(new String[] {"None"});

    page.navigate("/conversations/" + third.number());
    assertThat(page.locator("ul.previous a")).hasCount(2);
    org.assertj.core.api.Assertions.assertThat(page.locator("ul.previous a").allTextContents())
        .containsExactlyInAnyOrder("#" + second.number() + " " + second.subject(),
            "#" + first.number() + " " + first.subject());
  }

  @Test
  void shouldServeTheFaviconEveryPageLinksWithoutSigningIn() {
    List<String> failures = new ArrayList<>();
    page.onResponse(response -> {
      if (response.status() >= 400) {
        failures.add(response.status() + " " + response.url());
      }
    });
    page.navigate("/login");
    Locator icons = page.locator("head link[rel=icon]");
    org.assertj.core.api.Assertions.assertThat(List.of(icons.nth(0).getAttribute("href"),
        icons.nth(1).getAttribute("href"))).containsExactlyInAnyOrder("/favicon.ico", "/favicon.svg");

    APIResponse svg = page.request().get("/favicon.svg");
    org.assertj.core.api.Assertions.assertThat(svg.status()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(svg.headers().get("content-type")).startsWith("image/svg+xml");
    org.assertj.core.api.Assertions.assertThat(svg.text()).contains("<svg");
    APIResponse ico = page.request().get("/favicon.ico");
    org.assertj.core.api.Assertions.assertThat(ico.status()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(ico.body()).startsWith(new byte[] {0, 0, 1, 0});

    logInAsAdmin();
    assertThat(page.locator("main h1")).hasText("Inbox");
    org.assertj.core.api.Assertions.assertThat(page.locator("head link[rel=icon]").count()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(failures).isEmpty();
  }

  @Test
  void shouldSayWhyAnItemWasParkedInWordsAndKeepTheTechnicalDetailForAdmins() {
    String subject = "No sender " + suffix();
    byte[] raw = ("To: support@tact.local\r\nSubject: " + subject + "\r\nMessage-ID: <" + suffix()
        + "@nowhere.example>\r\n\r\nWho am I?\r\n").getBytes(StandardCharsets.UTF_8);
    UUID item = intake.submitMail(new IncomingMail(raw, "api", null, null, null, null)).itemId();
    await().atMost(Duration.ofSeconds(20)).until(() -> items.require(item).state() == ItemState.PARKED);
    logInAsAdmin();

    page.navigate("/admin/inbound");
    Locator row = page.locator("table.list tbody tr", new Page.LocatorOptions().setHas(
        page.locator("a[href$='/admin/inbound/" + item + "/raw']")));
    assertThat(row.locator(".reason")).hasText("The email names no sender address.");
    Locator detail = row.locator("details.technical");
    assertThat(detail.locator("code")).not().isVisible();
    detail.locator("summary").click();
    assertThat(detail.locator("code")).hasText("UnreadableItemException: The email names no sender address.");
    org.assertj.core.api.Assertions.assertThat(items.list(ItemState.PARKED, new PageRequest(0, 100)).items())
        .anyMatch(i -> i.id().equals(item));
  }

  private Locator rowsOfInbox() {
    return page.locator("#inbox tbody tr td:first-child");
  }

  private Contact contact(String name, String email) {
    return contacts.create(new ContactNames(name, null, null), List.of(identities.email(email)), null);
  }

  /** A customer's message through the front door, once routing has read it (so that nothing races the test). */
  private ConversationSummary message(String sender, String subject, String text) {
    intake.submitJson("{\"channel\":\"email\",\"sender\":\"" + sender + "\",\"subject\":\"" + subject
        + "\",\"text\":\"" + text + "\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> find(subject).filter(c -> door.intentOf(c.id()).isPresent())
        .isPresent());
    return find(subject).orElseThrow();
  }

  private java.util.Optional<ConversationSummary> find(String subject) {
    return conversations.list(new ConversationFilter(Set.of(), null, null, false, null, null),
        new PageRequest(0, 50)).items().stream().filter(c -> subject.equals(c.subject())).findFirst();
  }

  private String api(String token, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
