package dev.tact.delivery.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.delivery.unsubscribe.UnsubscribeLinks;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.Purpose;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.TactTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A recipient follows the unsubscribe link of a mail in a real browser (Debian's Chromium, headless), not logged in. */
@RequiresBrowser
@TactTest
class UnsubscribeBrowserTests extends BrowserPageTest {

  @Autowired
  UnsubscribeLinks links;

  @Autowired
  ConsentLedger ledger;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Test
  void recipientConfirmsOnThePageAndIsUnsubscribed() {
    UUID contact = contacts.resolve(identities.parse("reader-" + UUID.randomUUID() + "@example.org"),
        new ContactNames(null, null, null)).id();
    String url = links.headers(contact, Purpose.MARKETING).url().replace("http://unused.example", "http://localhost:" + port);

    page.navigate(url);

    assertThat(page.locator("h1")).hasText("Unsubscribe?");
    assertThat(page.locator("main")).containsText("no longer receive marketing email");
    assertThat(ledger.ledgerOf(contact)).as("opening the link changes nothing").isEmpty();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe")).click();

    assertThat(page.locator("h1")).hasText("You are unsubscribed");
    assertThat(ledger.ledgerOf(contact)).singleElement()
        .satisfies(line -> assertThat(line.entry().kind()).isEqualTo(ConsentEntry.Kind.OPT_OUT))
        .satisfies(line -> assertThat(line.entry().evidence()).startsWith("confirmation page"));
  }

  @Test
  void recipientWithABrokenLinkReadsWhatToDo() {
    page.navigate("/unsubscribe/" + "x".repeat(46));

    assertThat(page.locator("h1")).hasText("This unsubscribe link is not valid");
    assertThat(page.locator(".problem")).containsText("Copy the whole link");
  }
}
