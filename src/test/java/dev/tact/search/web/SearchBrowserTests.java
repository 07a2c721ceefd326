package dev.tact.search.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The navigation's search box in a real browser: a word of a message's body finds its conversation. */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1"})
class SearchBrowserTests extends BrowserPageTest {

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Test
  void shouldFindAMessageByAWordOfItsBody() {
    String word = "zorbleflux" + UUID.randomUUID().toString().substring(0, 6);
    Contact contact = contacts.resolve(identities.parse("siobhan." + word + "@example.ie"),
        new ContactNames("Siobhán Ní Bhriain", null, null));
    InboundOutcome c = conversations.receiveInbound(InboundMessage.builder(Ids.newId(), Channel.EMAIL)
        .contact(contact.id(), contact.name()).subject("Delivery question").receivedAt(Instant.now())
        .text("Hello, the parcel with the " + word + " inside never arrived. Regards, Siobhán")
        .externalMessageId("<" + UUID.randomUUID() + "@example.test>").build());

    logInAsAdmin();
    Locator box = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search").setExact(true));
    box.fill(word.toUpperCase());
    box.press("Enter");

    Locator results = page.locator("#search-results");
    // the index follows the feed: the page is searched again until the message is found (within seconds)
    Locator hit = results.locator("li.hit").first();
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (hit.count() == 0) {
        page.reload();
      }
      return hit.count() > 0;
    });
    assertThat(hit.locator("a.hit-title")).hasText("#" + c.number() + " Delivery question");
    assertThat(hit.locator("mark")).hasText(word);
    assertThat(hit).containsText("message:");

    hit.locator("a.hit-title").click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/conversations/" + c.number()));

    page.navigate("/search?q=siobhan+" + word);
    assertThat(page.locator("#search-results li.hit").first()).containsText("Siobhán Ní Bhriain");

    page.navigate("/search?q=" + word + "&from=yesterday");
    assertThat(page.locator(".problem")).containsText("is no date");
    assertThat(page.locator("#search-results li.hit")).hasCount(0);
  }
}
