package dev.tact.conversation.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.testsupport.BrowserPageTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The inbox's bulk selection, saved views and keyboard shortcuts in a real browser. The same configuration as the
 * other agent UI browser tests (the demo workspace on H2), so the suite starts this context once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class BulkAndShortcutsBrowserTests extends BrowserPageTest {

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Test
  void agentSelectsConversationsChangesThemTogetherAndMergesThem() {
    String tag = "bulk" + suffix();
    InboundOutcome first = conversation(tag, "Printer jams " + tag);
    InboundOutcome second = conversation(tag, "Printer still jams " + tag);
    logInAsAdmin();
    page.navigate("/?tag=" + tag);
    Locator bar = page.locator("#bulk-form");
    assertThat(bar.locator(".bulk-count")).hasText("0 selected");

    page.getByLabel("Select all shown").check();
    assertThat(bar.locator(".bulk-count")).hasText("2 selected");
    bar.locator("select[name=status]").selectOption("pending");
    bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set status")).click();
    assertThat(page.locator(".notice")).hasText("2 conversations changed.");
    assertThat(page.locator("#inbox .badge.status-pending")).hasCount(2);

    page.getByLabel("Select #" + first.number()).check();
    assertThat(bar.locator(".bulk-count")).hasText("1 selected");
    bar.locator("select[name=into]").selectOption(String.valueOf(first.number()));
    bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();
    assertThat(page.locator(".problem")).containsText("Select at least one conversation besides the target");

    page.getByLabel("Select all shown").check();
    bar.locator("select[name=into]").selectOption(String.valueOf(first.number()));
    bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();
    assertThat(page.locator(".notice")).hasText("1 conversation changed.");
    assertThat(page.locator("#inbox tr.inbox-row")).hasCount(1);

    page.navigate("/conversations/" + second.number());
    assertThat(page).hasURL(Pattern.compile("/conversations/" + first.number() + "$"));
    assertThat(page.locator(".notice")).containsText("was merged into #" + first.number());
    assertThat(page.locator(".merged-from")).containsText("#" + second.number());
    assertThat(page.locator(".msg-inbound")).hasCount(2);
  }

  @Test
  void agentMergesFromTheConversationPageAndSavesAView() {
    String tag = "merge" + suffix();
    InboundOutcome target = conversation(tag, "Login fails " + tag);
    InboundOutcome source = conversation(tag, "Cannot log in " + tag);
    logInAsAdmin();

    page.navigate("/conversations/" + source.number());
    page.getByLabel("Merge into…").fill("#" + target.number());
    page.locator("form.merge").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();
    assertThat(page).hasURL(Pattern.compile("/conversations/" + target.number() + "$"));
    assertThat(page.locator(".notice")).hasText("#" + source.number() + " merged into #" + target.number() + ".");
    assertThat(page.locator(".history")).containsText("#" + source.number());

    page.navigate("/?tag=" + tag + "&closed=true");
    assertThat(page.locator("#inbox tr.inbox-row").first()).containsText("Cannot log in " + tag);
    page.locator("form.filters select[name=sort]").selectOption("oldest"); // htmx: the list and the address change
    assertThat(page).hasURL(Pattern.compile("sort=oldest"));
    page.getByLabel("Save these filters as").fill("Logins " + tag);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save view")).click();
    assertThat(page.locator(".notice")).hasText("View 'Logins " + tag + "' saved.");
    assertThat(page.locator("main h1")).hasText("Logins " + tag);
    assertThat(page.locator("select[name=sort]")).hasValue("oldest");
    assertThat(page.locator("#inbox tr.inbox-row").first()).containsText("Login fails " + tag);

    page.navigate("/");
    page.locator("aside.views").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Logins " + tag))
        .click();
    assertThat(page.locator("#inbox tr.inbox-row")).hasCount(2);
  }

  @Test
  void keyboardShortcutsMoveThroughTheListOpenAConversationAndFocusTheComposers() {
    String tag = "keys" + suffix();
    conversation(tag, "Older one " + tag);
    conversation(tag, "Newer one " + tag);
    logInAsAdmin();
    page.navigate("/?tag=" + tag);
    Locator rows = page.locator("#inbox tr.inbox-row");
    assertThat(shortcutsReady()).hasCount(1);

    page.keyboard().press("j");
    assertThat(rows.nth(0)).hasClass(Pattern.compile("\\bcurrent\\b"));
    page.keyboard().press("j");
    assertThat(rows.nth(1)).hasClass(Pattern.compile("\\bcurrent\\b"));
    assertThat(rows.nth(0)).not().hasClass(Pattern.compile("\\bcurrent\\b"));
    page.keyboard().press("k");
    assertThat(rows.nth(0)).hasClass(Pattern.compile("\\bcurrent\\b"));
    page.keyboard().press("x");
    assertThat(page.locator("#bulk-form .bulk-count")).hasText("1 selected");

    page.keyboard().press("?");
    assertThat(page.locator("#shortcut-help")).isVisible();
    assertThat(page.locator("#shortcut-help")).containsText("Keyboard shortcuts");
    page.keyboard().press("Escape");
    assertThat(page.locator("#shortcut-help")).isHidden();

    // Typing in a field types: no shortcut fires.
    Locator tagField = page.locator("form.filters input[name=tag]");
    tagField.fill("");
    page.keyboard().type("jk?");
    assertThat(tagField).hasValue("jk?");
    assertThat(rows.nth(0)).hasClass(Pattern.compile("\\bcurrent\\b"));
    assertThat(page.locator("#shortcut-help")).isHidden();

    page.navigate("/?tag=" + tag);
    assertThat(shortcutsReady()).hasCount(1);
    page.keyboard().press("j");
    page.keyboard().press("o");
    assertThat(page.locator("main h1")).containsText("Newer one " + tag);
    assertThat(shortcutsReady()).hasCount(1);
    page.keyboard().press("r");
    assertThat(page.locator("#reply-text")).isFocused();
    page.keyboard().type("n");
    assertThat(page.locator("#reply-text")).hasValue("n");
    page.locator("main h1").click();
    page.keyboard().press("n");
    assertThat(page.locator("#note-text")).isFocused();
    assertThat(page.locator("#note-text")).hasValue("");
  }

  /** Set by shortcuts.js once its listeners are in place (the script is deferred). */
  private Locator shortcutsReady() {
    return page.locator("html[data-shortcuts=ready]");
  }

  private InboundOutcome conversation(String tag, String subject) {
    String email = "bulk-" + suffix() + "@example.org";
    Contact contact = contacts.create(new ContactNames("Rui " + suffix(), null, null),
        List.of(identities.email(email)), null);
    InboundOutcome outcome = conversations.receiveInbound(InboundMessage.builder(Ids.newId(), Channel.EMAIL)
        .contact(contact.id(), contact.name()).subject(subject).text("Hello, " + subject)
        .receivedAt(Instant.now()).build());
    conversations.addTags(outcome.conversationId(), Actor.system(), List.of(tag));
    return outcome;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
