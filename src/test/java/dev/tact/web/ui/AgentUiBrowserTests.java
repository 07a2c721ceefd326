package dev.tact.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import org.springframework.beans.factory.annotation.Autowired;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The agent UI in a real browser (Debian's Chromium, headless) against the demo workspace. */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class AgentUiBrowserTests extends BrowserPageTest {

  @Autowired
  ContactManagement contacts;

  @Test
  void agentLogsInOpensConversationAndReplies() {
    logInAsAdmin();

    assertThat(page.locator("main h1")).hasText("Inbox");
    assertThat(page.locator("#inbox")).containsText("Quote for 40 seats");
    assertThat(page.locator("#inbox")).containsText("Marguerite Dubois");

    page.locator("#inbox a.subject", new Page.LocatorOptions().setHasText("Quote for 40 seats")).click();
    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));
    assertThat(page.locator("main h1")).containsText("Quote for 40 seats");
    assertThat(page.locator(".customer")).containsText("marguerite.dubois@example.fr");

    // Markup in text must come back as text: the body is escaped, never interpreted.
    String reply = "Here is your quote <b>" + UUID.randomUUID() + "</b>";
    page.locator("#reply-text").fill(reply);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();

    assertThat(page.locator(".notice")).containsText("Reply added.");
    assertThat(page.locator(".msg-outbound .body").last()).hasText(reply);
    assertThat(page.locator(".msg-outbound b")).hasCount(0);
  }

  @Test
  void domainErrorsShowAsMessagesOnThePage() {
    logInAsAdmin();
    page.locator("#inbox a.subject").first().click();
    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));

    page.locator("input[name=tags]").fill("not/a/tag");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();

    assertThat(page.locator(".problem")).containsText("is not a tag");
    assertThat(page.locator("main h1")).isVisible();
  }

  @Test
  void wrongPasswordShowsAnError() {
    logIn(ADMIN, "not-the-password");

    assertThat(page).hasURL(Pattern.compile("/login\\?error"));
    assertThat(page.locator(".problem")).containsText("Wrong email or password");
  }

  @Test
  void agentHandlesAConversationAndSeesEveryChangeInItsHistory() {
    logInAsAdmin();
    page.locator("#inbox a.subject", new Page.LocatorOptions().setHasText("Quick question")).click();
    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));

    page.locator("#note-text").fill("Check whether the SSL bundle applies");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
    assertThat(page.locator(".msg-note")).containsText("Check whether the SSL bundle applies");

    // Each step waits for its own notice: the page it was sent from may already hold the text of an earlier change
    // (the demo workspace assigns this conversation to Sam Support in Presales), and a choice made on that page is
    // lost when the next one replaces it.
    page.locator("select[name=assignee]").selectOption(new SelectOption().setLabel("Priya Tech"));
    page.locator("select[name=team]").selectOption(new SelectOption().setLabel("Technical"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();
    assertThat(page.locator(".notice")).containsText("Assignment saved.");
    assertThat(page.locator(".history")).containsText("to Priya Tech");

    page.locator("select[name=status]").selectOption(new SelectOption().setLabel("On hold"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set status")).click();
    assertThat(page.locator(".notice")).containsText("Status saved.");
    assertThat(page.locator(".history")).containsText("→ On hold");

    page.locator("select[name=priority]").selectOption("high");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set priority")).click();
    assertThat(page.locator(".notice")).containsText("Priority saved.");
    assertThat(page.locator(".history")).containsText("normal → high");

    page.locator("input[name=tags]").fill("ssl-question");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
    assertThat(page.locator(".history")).containsText("ssl-question");
    assertThat(page.locator(".history")).containsText("to Technical");
  }

  @Test
  void agentMergesTwoContactsFromTheContactPage() {
    Contact zoe = contacts.search("Łukasiewicz", 1).getFirst();
    Contact kenji = contacts.search("渡辺", 1).getFirst();
    logInAsAdmin();
    page.navigate("/contacts/" + zoe.id());
    assertThat(page.locator("main h1")).hasText("Zoë Łukasiewicz");

    page.getByLabel("Or by contact ID").fill(kenji.id().toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge…")).click();
    page.locator("#confirm-merge").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();

    assertThat(page.locator(".identities")).containsText("+12045550142");
    assertThat(page.locator(".identities")).containsText("zoe.lukasiewicz@example.pl");
    assertThat(page.locator("main")).containsText("1 identity moved");
  }

  @Test
  void agentReadsAnEmailAnswerWithoutItsQuoteAndOpensItsAttachmentSafely() {
    List<String> dialogs = new java.util.ArrayList<>();
    page.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
    logInAsAdmin();
    page.locator("#inbox a.subject", new Page.LocatorOptions().setHasText("Invoice 2231 charged twice")).click();
    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));

    // The customer's emailed answer threaded into this conversation and reopened it.
    com.microsoft.playwright.Locator answer = page.locator(".msg-inbound").last();
    assertThat(answer.locator(".body").first()).containsText("I attach the statement line");
    assertThat(answer.locator(".body").first()).not().containsText("you will see it within 3 days");
    assertThat(answer.locator(".body").first()).not().containsText("Accounts, ACME Reseller");
    answer.locator("details.full-text summary").click();
    assertThat(answer.locator("details.full-text .body")).containsText("you will see it within 3 days");

    answer.locator("details.html-view summary").click();
    assertThat(answer.locator(".mail-html")).containsText("Thank you, Bo");
    assertThat(answer.locator(".mail-html script")).hasCount(0);
    assertThat(answer.locator(".mail-html img[src*='tracker.example']")).hasCount(0);
    answer.locator("a.load-remote").click();
    com.microsoft.playwright.Locator reloaded = page.locator(".msg-inbound").last();
    assertThat(reloaded.locator(".mail-html img[src*='tracker.example']")).hasCount(1);
    assertThat(reloaded.locator(".mail-html script")).hasCount(0);

    com.microsoft.playwright.Locator attachment = answer.locator("ul.attachments a");
    assertThat(attachment).hasText("statement-2231.csv");
    com.microsoft.playwright.Download download = page.waitForDownload(attachment::click);
    org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("statement-2231.csv");
    org.assertj.core.api.Assertions.assertThat(dialogs).isEmpty();
  }

  @Test
  void adminConfiguresAnImapMailboxAndItsMailArrivesInTheInbox() throws Exception {
    GreenMail imap = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    imap.start();
    try {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String password = "imap-pass-" + suffix;
      GreenMailUser user = imap.setUser("help-" + suffix + "@example.com", "help-" + suffix, password);
      user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(("""
          From: Nora Customer <nora@customer.example>
          To: help-%s@example.com
          Subject: Router %s keeps rebooting
          Message-ID: <router-%s@customer.example>

          It reboots every ten minutes.
          """.formatted(suffix, suffix, suffix)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
      logInAsAdmin();

      page.navigate("/admin/mailboxes");
      page.getByLabel("Name").fill("Help " + suffix);
      page.getByLabel("Address").fill("help-" + suffix + "@example.com");
      page.getByLabel("Fetch by IMAP").check();
      page.getByLabel("Host").fill("127.0.0.1");
      page.getByLabel("Port").fill(String.valueOf(imap.getImap().getPort()));
      page.locator("select[name=imapSecurity]").selectOption("PLAIN");
      page.getByLabel("User").fill(user.getLogin());
      page.getByLabel("Password").fill(password);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add mailbox")).click();

      assertThat(page.locator("table.list")).containsText("help-" + suffix + "@example.com");
      org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(password);
      page.locator("tr", new Page.LocatorOptions().setHasText("help-" + suffix))
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Poll now")).click();

      // "Poll now" reports what it fetched, or that the scheduled poll holds the mailbox just now.
      assertThat(page.locator(".notice, .problem")).isVisible();
      // The pipeline files the logged mail a moment later: look at the inbox until it is there.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
        page.navigate("/");
        return page.locator("#inbox").textContent().contains("Router " + suffix + " keeps rebooting");
      });
      assertThat(page.locator("#inbox")).containsText("Nora Customer");
    } finally {
      imap.stop();
    }
  }

  @Test
  void agentAsksThePolicyBeforeContactingSomeoneAndSeesWhyNot() {
    Contact jonas = contacts.search("van der Berg", 1).getFirst();
    logInAsAdmin();
    page.navigate("/contacts/" + jonas.id());

    page.locator("input[name=timeZone]").fill("America/Winnipeg");
    page.locator("input[name=country]").fill("CA");
    page.locator("input[name=subdivision]").fill("mb");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
    assertThat(page.locator(".notice")).containsText("Profile saved.");

    // A sales call to a man who tweeted about an outage: the policy says no, and why.
    page.locator("#plan select[name=channel]").selectOption("PHONE_CALL");
    page.locator("#plan select[name=purpose]").selectOption("MARKETING");
    page.locator("#plan input[name=subject]").fill("SSL certificates");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the policy")).click();
    assertThat(page).hasURL(Pattern.compile("/policy/decisions/[0-9a-f-]+$"));
    assertThat(page.locator("h1 .badge")).hasText("DENY");
    assertThat(page.locator(".votes")).containsText("open support conversation");
    assertThat(page.locator(".votes")).containsText("consent");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log this contact"))).hasCount(0);

    // He says no: the opt-out is recorded and honoured.
    page.navigate("/contacts/" + jonas.id());
    page.locator("#consent select[name=kind]").selectOption("OPT_OUT");
    page.locator("#consent select[name=channel]").selectOption("PHONE_CALL");
    page.locator("#consent input[name=evidence]").fill("said no on the phone");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record").setExact(true)).click();
    assertThat(page.locator(".consents")).containsText("opt-out");
    assertThat(page.locator(".consents")).containsText("said no on the phone");

    // A reply to his tweet is fine, and is logged in his contact history.
    page.locator("#plan select[name=channel]").selectOption("SOCIAL");
    page.locator("#plan select[name=purpose]").selectOption("TRANSACTIONAL");
    page.locator("#plan input[name=subject]").fill("outage update");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the policy")).click();
    assertThat(page.locator("h1 .badge")).hasText("ALLOW");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log this contact")).click();
    assertThat(page.locator(".notice")).containsText("Contact logged");
    page.navigate("/contacts/" + jonas.id());
    assertThat(page.locator(".attempts")).containsText("social");
    assertThat(page.locator(".attempts")).containsText("outage update");
  }

  @Test
  void adminChangesTheContactPolicysQuietHoursAndABadValueIsExplained() {
    logInAsAdmin();
    page.navigate("/admin/policy");
    String before = page.locator("input[name=quiet_SMS]").inputValue();
    try {
      page.locator("input[name=quiet_SMS]").fill("20:30-09:15");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save for every node")).click();
      assertThat(page.locator(".notice")).containsText("saved");
      assertThat(page.locator("input[name=quiet_SMS]")).hasValue("20:30-09:15");

      page.locator("input[name=quiet_SMS]").fill("after dinner");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save for every node")).click();
      assertThat(page.locator(".problem")).containsText("21:00-08:00");
      assertThat(page.locator("input[name=quiet_SMS]")).hasValue("20:30-09:15");
    } finally {
      page.locator("input[name=quiet_SMS]").fill(before);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save for every node")).click();
    }
  }
}
