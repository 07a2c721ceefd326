package dev.tact.compose.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.testsupport.MailRelayBrowserTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.StaffMailbox;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, items 6 and 7, in Chromium: a reply in an SMS conversation with no SMS provider says "not delivered"
 * beside it and on the admin home; the agent switches it to the contact's email, reads the contact policy's answer,
 * sends, and the mail arrives in GreenMail. A new conversation by email from the contact's page does the same.
 * Issue 17: undo stops a reply before SMTP (GreenMail receives nothing of it); the draft survives a reload.
 */
@RequiresBrowser
class ReplyWaysBrowserTests extends MailRelayBrowserTest {

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConsentLedger ledger;

  @Autowired
  dev.tact.compose.Preferences preferences;

  @Autowired
  dev.tact.staff.StaffDirectory staff;

  @Test
  void shouldStopAReplyBeforeSmtpWhenTheAgentUndoesIt() {
    String customer = "undo-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    long number = emailConversation(customer, "Where is my refund?");
    UUID admin = staff.findAgentByEmail(ADMIN).orElseThrow().id();
    logInAsAdmin();
    try {
      page.navigate("/account/replies");
      page.getByLabel("Hold my replies for").fill("4");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
      assertThat(page.locator(".notice")).containsText("held for 4 s");

      page.navigate("/conversations/" + number);
      String angry = "Read the FAQ before you write to us, " + UUID.randomUUID();
      page.locator("#reply-text").fill(angry);
      assertThat(page.locator("[data-draft-state]")).hasText("Draft saved.");
      page.reload();
      assertThat(page.locator("#reply-text")).hasValue(angry);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
      assertThat(page.locator(".notice")).containsText("Reply will be sent in");
      assertThat(page.locator(".held-reply .body")).hasText(angry);
      assertThat(page.locator(".held-reply [data-countdown]")).hasText(Pattern.compile("[1-4] s"));
      assertThat(page.locator("#reply-text")).hasValue("");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo")).click();

      assertThat(page.locator(".notice")).containsText("Reply undone: nothing was sent");
      assertThat(page.locator("#reply-text")).hasValue(angry);
      assertThat(page.locator(".held-reply")).hasCount(0);

      // the kinder reply leaves after its window; once it arrived, the undone one (due first) would have too
      String kind = "Your refund was sent today, " + UUID.randomUUID();
      page.locator("#reply-text").fill(kind);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send and mark solved")).click();
      assertThat(page.locator(".held-reply .body")).hasText(kind);
      assertThat(page.locator(".held-reply")).containsText("marked Solved");
      // the page reloads by itself once the countdown ran out and the reply is in the conversation
      assertThat(page.locator(".msg-outbound .body")).hasText(kind,
          new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
      assertThat(page.locator(".held-reply")).hasCount(0);
      assertThat(page.locator(".msg-outbound")).hasCount(1);

      // marking it solved also asks the customer for a survey, a mail of its own; the replies are the other mails
      await().atMost(Duration.ofSeconds(30)).until(() -> StaffMailbox.to(customer).stream()
          .anyMatch(mail -> StaffMailbox.text(mail).contains(kind)));
      org.assertj.core.api.Assertions.assertThat(StaffMailbox.to(customer).stream().map(StaffMailbox::text)
          .filter(text -> !text.contains("/survey/")).toList()).singleElement().asString().contains(kind);
      org.assertj.core.api.Assertions.assertThat(jdbc.sql(
          "SELECT COUNT(*) FROM conv_message WHERE body LIKE :text").param("text", angry + "%").query(Long.class)
          .single()).isZero();
    } finally {
      preferences.chooseUndoWindow(admin, null); // the other tests here reply at once
    }
  }

  @Test
  void shouldShowAnUndeliveredSmsReplyAndSendItByEmailAfterThePolicysAnswer() {
    String phone = "+1415556" + String.format("%04d", new java.util.Random().nextInt(10_000));
    String email = "texter-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    long number = smsConversation(phone, "Is my parcel on its way?");
    UUID contact = contacts.findByIdentity(identities.parse(phone)).orElseThrow().id();
    contacts.attach(contact, identities.parse(email));
    logInAsAdmin();
    page.navigate("/conversations/" + number);

    assertThat(page.locator("[data-reply-route=closed]")).containsText("no SMS provider configured");
    page.locator("#reply-text").fill("It left today.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator(".problem")).containsText("not delivered: no SMS provider configured");
    assertThat(page.locator(".notice")).hasCount(0);
    assertThat(page.locator(".msg-outbound [data-delivery-state=undeliverable]").last())
        .hasText("not delivered: no SMS provider configured");

    String text = "Your parcel arrives tomorrow, " + UUID.randomUUID();
    page.locator("#reply-text").fill(text);
    page.locator("#reply-via").selectOption(new SelectOption().setValue(email));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator(".notice")).containsText("Nothing sent yet");
    assertThat(page.locator(".policy-answer[data-policy-outcome=allow]")).containsText("allows it");
    assertThat(page.locator("#reply-text")).hasValue(text);
    assertThat(page.locator("#reply-via")).hasValue(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator(".notice")).containsText("Reply added, sent by email to " + email);
    assertThat(page.locator(".msg-outbound .body").last()).hasText(text);

    org.assertj.core.api.Assertions.assertThat(StaffMailbox.text(StaffMailbox.await(email, 1))).contains(text);

    page.navigate("/");
    assertThat(page.locator("[data-undeliverable-warning]")).containsText("not delivered");
    page.locator("[data-undeliverable-warning] a").click();
    assertThat(page).hasURL(Pattern.compile("/admin/outbox\\?state=undeliverable$"));
    assertThat(page.locator("table.list")).containsText("not delivered: no SMS provider configured");
  }

  @Test
  void shouldShowThePolicysRefusalOfASwitchAndSendNothing() {
    String phone = "+1415558" + String.format("%04d", new java.util.Random().nextInt(10_000));
    String email = "no-mail-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    long number = smsConversation(phone, "Do not email me, text only.");
    UUID contact = contacts.findByIdentity(identities.parse(phone)).orElseThrow().id();
    contacts.attach(contact, identities.parse(email));
    ledger.record(contact, new ConsentRequest(ConsentEntry.Kind.OPT_OUT, Channel.EMAIL,
        Purpose.TRANSACTIONAL, null, "test", "asked for no email", null), "tests");
    logInAsAdmin();
    page.navigate("/conversations/" + number);

    page.locator("#reply-text").fill("Sending you the form by email.");
    page.locator("#reply-via").selectOption(new SelectOption().setValue(email));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the policy")).click();
    assertThat(page.locator(".policy-answer[data-policy-outcome=deny]")).containsText("opted out");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();

    assertThat(page.locator(".problem")).containsText("The contact policy does not allow an email");
    assertThat(page.locator(".msg-outbound")).hasCount(0);
    assertThat(page.locator("#reply-text")).hasValue("Sending you the form by email.");
  }

  @Test
  void shouldStartAConversationByEmailFromTheContactPage() {
    String phone = "+1415557" + String.format("%04d", new java.util.Random().nextInt(10_000));
    String email = "starter-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    smsConversation(phone, "Please send me the contract.");
    UUID contact = contacts.findByIdentity(identities.parse(phone)).orElseThrow().id();
    contacts.attach(contact, identities.parse(email));
    logInAsAdmin();
    page.navigate("/contacts/" + contact);

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New conversation")).click();
    page.locator("#new-via").selectOption(new SelectOption().setValue(email));
    page.locator("#new-subject").fill("Your contract");
    String text = "Here is the contract, " + UUID.randomUUID();
    page.locator("#new-text").fill(text);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the policy")).click();
    assertThat(page.locator(".policy-answer[data-policy-outcome=allow]")).isVisible();
    assertThat(page.locator("#new-text")).hasValue(text);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send and open the conversation")).click();

    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));
    assertThat(page.locator(".notice")).containsText("started: sent by email to " + email);
    assertThat(page.locator("main h1")).containsText("Your contract");
    assertThat(page.locator(".msg-outbound .body")).hasText(text);
    org.assertj.core.api.Assertions.assertThat(StaffMailbox.text(StaffMailbox.await(email, 1))).contains(text);
  }

  @Test
  void shouldSendAFileWithCopiesFromTheReplyBoxAndRefuseABadAddress() throws Exception {
    String customer = "files-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    String copy = "lena-" + UUID.randomUUID().toString().substring(0, 8) + "@copies.test";
    String blind = "audit-" + UUID.randomUUID().toString().substring(0, 8) + "@copies.test";
    long number = emailConversation(customer, "Please send the invoice.");
    logInAsAdmin();
    page.navigate("/conversations/" + number);

    page.locator("#reply-text").fill("The invoice is attached.");
    page.locator(".reply-copies summary").click();
    page.locator("#reply-cc").fill("not an address");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator(".problem")).containsText("CC: 'not' is not an email address");
    assertThat(page.locator("#reply-text")).hasValue("The invoice is attached.");
    assertThat(page.locator(".msg-outbound")).hasCount(0);

    page.locator("#reply-cc").fill(copy);
    page.locator("#reply-bcc").fill(blind);
    page.locator("#reply-files").setInputFiles(new com.microsoft.playwright.options.FilePayload("invoice-2231.pdf",
        "application/pdf", "%PDF-1.4 invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();

    assertThat(page.locator(".notice")).containsText("Reply added.");
    assertThat(page.locator(".msg-outbound [data-reply-copies]")).containsText(copy);
    assertThat(page.locator(".msg-outbound [data-reply-copies]")).containsText(blind);
    assertThat(page.locator(".msg-outbound .uploads a")).hasText("invoice-2231.pdf");
    jakarta.mail.internet.MimeMessage mail = StaffMailbox.await(customer, 1);
    org.assertj.core.api.Assertions.assertThat(mail.getContentType()).startsWith("multipart/mixed");
    org.assertj.core.api.Assertions.assertThat(mail.getHeader("Cc", ",")).contains(copy);
    await().atMost(Duration.ofSeconds(20)).until(() -> StaffMailbox.inboxOf(blind).size() == 1);
  }

  private long emailConversation(String email, String text) {
    String messageId = UUID.randomUUID() + "@customer.test";
    intake.submit(new MessageSubmission("email", email, null, null, null, "Refund", text, messageId, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    return jdbc.sql("""
        SELECT c.number FROM conv_conversation c JOIN conv_message m ON m.conversation_id = c.id
         WHERE m.external_id = :id""").param("id", messageId).query(Long.class).single();
  }

  private long smsConversation(String phone, String text) {
    String messageId = UUID.randomUUID() + "@sms.test";
    intake.submit(new MessageSubmission("sms", phone, null, null, null, null, text, messageId, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    return jdbc.sql("""
        SELECT c.number FROM conv_conversation c JOIN conv_message m ON m.conversation_id = c.id
         WHERE m.external_id = :id""").param("id", messageId).query(Long.class).single();
  }
}
