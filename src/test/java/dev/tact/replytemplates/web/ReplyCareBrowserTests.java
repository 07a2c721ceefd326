package dev.tact.replytemplates.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.intake.MessageIntake;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, item 2, in Chromium: a template made on the templates page fills the contact's surname exactly as stored
 * into the reply box, with a field the record lacks marked in the preview; the tone check highlights a hostile
 * phrase with a suggestion as the agent types.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class ReplyCareBrowserTests extends BrowserPageTest {

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Test
  void aTemplateFillsTheStoredSurnameAndMarksWhatTheRecordLacks() {
    long number = ReplyCareFixture.siobhansConversation(intake, jdbc, contacts, identities, null);
    String name = "Broken parcel " + UUID.randomUUID().toString().substring(0, 8);
    logInAsAdmin();
    page.navigate("/reply-templates");
    page.locator("#template-name").fill(name);
    page.locator("#template-body").fill("Dear {{contact.given_name}} {{contact.family_name}}, order {{facts.order}} "
        + "is refunded. Your plan: {{customer.plan}}.");
    page.locator("#template-shared").check();
    page.locator("#template-status").selectOption(new SelectOption().setValue("pending"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
    assertThat(page.locator(".notice")).containsText("Template '" + name + "' saved.");

    page.navigate("/conversations/" + number);
    page.locator("#reply-template").selectOption(new SelectOption().setLabel(name + " · macro"));

    assertThat(page.locator("#reply-text")).hasValue("Dear Siobhán Ó Súilleabháin, order 12345 is refunded. "
        + "Your plan: {{customer.plan}}.");
    assertThat(page.locator("#reply-template-preview mark.merge-filled[data-field='contact.family_name']"))
        .hasText("Ó Súilleabháin");
    assertThat(page.locator("#reply-template-preview mark.merge-missing")).hasText("{{customer.plan}}");
    assertThat(page.locator("#reply-template-preview .template-missing")).containsText("{{customer.plan}}");
    assertThat(page.locator("#reply-template-preview .template-actions")).containsText("status pending");

    page.locator("#reply-template-apply").click();
    assertThat(page.locator(".notice")).containsText("Macro '" + name + "' applied.");
    assertThat(page.locator("#reply-text")).hasValue("Dear Siobhán Ó Súilleabháin, order 12345 is refunded. "
        + "Your plan: {{customer.plan}}.");
  }

  @Test
  void theToneCheckHighlightsAHostilePhraseWithASuggestion() {
    long number = ReplyCareFixture.siobhansConversation(intake, jdbc, contacts, identities, "Business");
    logInAsAdmin();
    page.navigate("/conversations/" + number);

    page.locator("#reply-text").pressSequentially("Thanks for writing. As I already said, that is not my problem.");

    assertThat(page.locator("#tone-check")).hasAttribute("data-flagged", "true");
    assertThat(page.locator("#tone-check mark.tone-dismissive").first()).hasText("As I already said");
    assertThat(page.locator("#tone-check .tone-finding").first()).containsText("Repeat the answer kindly");

    page.locator("#reply-text").fill("Thanks for writing. I have refunded the order.");
    assertThat(page.locator("#tone-check .tone-summary")).hasText("Tone: nothing to flag.");
    assertThat(page.locator("#tone-check .tone-finding")).hasCount(0);
  }
}
