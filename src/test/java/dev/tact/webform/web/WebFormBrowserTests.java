package dev.tact.webform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.tact.testsupport.MailRelayBrowserTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.StaffMailbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web form end to end in a real browser (Debian's Chromium, headless): the admin adds a form with an extra field
 * under Admin → Web forms; a customer, in a browser of their own, fills it in with an attachment, and the page's
 * script does its proof of work before sending; the conversation shows the field among its facts and the attachment
 * beside the message; the agent replies in the UI, and the customer receives the confirmation and the reply by email
 * (GreenMail as the relay).
 */
@RequiresBrowser
class WebFormBrowserTests extends MailRelayBrowserTest {

  private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

  @Autowired
  JdbcClient jdbc;

  private static byte[] readAll(java.nio.file.Path path) {
    try {
      return java.nio.file.Files.readAllBytes(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldTakeACustomersFormToAConversationAndTheAgentsReplyBackToTheCustomer() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String slug = "returns-" + suffix;
    String customer = "mia." + suffix + "@customer.test";
    String subject = "Broken lamp " + suffix;

    logInAsAdmin();
    page.navigate("/admin/forms");
    page.getByLabel("Address (slug)").fill(slug);
    page.getByLabel("Title").fill("Returns");
    page.getByLabel("Extra fields, one per line").fill("Order number; required; 40");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add form")).click();
    assertThat(page.locator(".notice")).containsText("Form " + slug + " added.");
    assertThat(page.locator("tr[data-form='" + slug + "']")).containsText("Order number *");

    try (BrowserContext customers = page.context().browser().newContext(
        new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
      Page mia = customers.newPage();
      mia.navigate("/forms/" + slug);
      assertThat(mia.locator("h1")).hasText("Returns");
      mia.getByLabel("Your name", EXACT).fill("Mia Kovač");
      mia.getByLabel("Email", EXACT).fill(customer);
      mia.getByLabel("Order number", EXACT).fill("R-5521");
      mia.getByLabel("Subject", EXACT).fill(subject);
      mia.getByLabel("Message", EXACT).fill("The lamp arrived with a cracked shade. Photo attached.");
      mia.locator("#wf-files").setInputFiles(new FilePayload("shade.png", "image/png",
          "not really a png".getBytes(StandardCharsets.US_ASCII)));
      mia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

      assertThat(mia.locator("h1")).hasText("Thank you, your message has arrived");
      assertThat(mia.locator("main")).containsText("We sent a confirmation to the email address you gave");
    }

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
        SELECT COUNT(*) FROM conv_conversation WHERE subject = :subject AND channel = 'WEB'""")
        .param("subject", subject).query(Long.class).single() == 1);
    long number = jdbc.sql("SELECT number FROM conv_conversation WHERE subject = :subject")
        .param("subject", subject).query(Long.class).single();
    // the front door tags and assigns the new conversation after its filing commits: a page opened before that
    // reloads when the change arrives, and a reload cancels the attachment's download the test clicks for
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
        SELECT COUNT(*) FROM routing_intent r JOIN conv_conversation c ON c.id = r.conversation_id
        WHERE c.number = :number""").param("number", number).query(Long.class).single() == 1);

    page.navigate("/conversations/" + number);
    assertThat(page.locator("main h1")).containsText(subject);
    assertThat(page.locator("#facts")).containsText("Order number");
    assertThat(page.locator("#facts .fact-given")).hasText("R-5521");
    assertThat(page.locator(".msg-inbound ul.uploads a")).hasText("shade.png");
    com.microsoft.playwright.Download download = page.waitForDownload(
        () -> page.locator(".msg-inbound ul.uploads a").click());
    org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("shade.png");
    org.assertj.core.api.Assertions.assertThat(readAll(download.path()))
        .isEqualTo("not really a png".getBytes(StandardCharsets.US_ASCII));
    page.locator("#reply-text").fill("Sorry about the shade, Mia. A new one is on its way.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator(".notice")).containsText("Reply added.");

    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> StaffMailbox.to(customer).stream()
          .anyMatch(m -> StaffMailbox.text(m).contains("A new one is on its way.")));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("The reply did not reach GreenMail; outbox rows for " + customer + ": "
          + jdbc.sql("SELECT cause, state, last_error, subject FROM delivery_outbox WHERE recipient = :r")
              .param("r", customer).query().listOfRows() + "; mails: " + StaffMailbox.to(customer).size(), e);
    }
    MimeMessage confirmation = StaffMailbox.to(customer).stream()
        .filter(m -> StaffMailbox.text(m).contains("has the number " + number)).findFirst().orElseThrow();
    org.assertj.core.api.Assertions.assertThat(StaffMailbox.text(confirmation)).contains("The lamp arrived");
  }
}
