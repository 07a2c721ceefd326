package dev.tact.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.testsupport.MailRelayBrowserTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.StaffMailbox;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's link flow in Chromium: a customer who wrote to us asks for a link, the mail reaches GreenMail through
 * the outbox, the link opens their conversations, they read ours and reply; an agent, signed in in a browser of their
 * own, sees the reply in the conversation.
 */
@RequiresBrowser
class PortalBrowserTests extends MailRelayBrowserTest {

  @Autowired
  MessageIntake intake;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConversationManagement conversations;

  @Test
  void shouldSignInWithAMailedLinkReadTheConversationAndReplyToTheAgent() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "pia." + tag + "@customer.test";
    String subject = "Parcel " + tag + " never arrived";
    intake.submit(new MessageSubmission("email", email, "Pia Portal", null, null, subject,
        "My parcel " + tag + " was due on Monday and has not come.", null, null, null));
    await().atMost(Duration.ofSeconds(30)).until(() -> contacts.findByIdentity(identities.email(email))
        .map(c -> !conversations.ofContact(c.id()).isEmpty()).orElse(false));
    ConversationSummary conversation = conversations.ofContact(
        contacts.findByIdentity(identities.email(email)).orElseThrow().id()).getFirst();

    page.navigate("/portal");
    page.getByLabel("Email address").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
    assertThat(page.locator("h1")).hasText("Check your email");

    String link = StaffMailbox.link(StaffMailbox.await(email, 1), "/portal/link/");
    page.navigate(URI.create(link).getPath());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    assertThat(page).hasURL(Pattern.compile("/portal/conversations$"));
    assertThat(page.locator("[data-customer]")).hasText("Pia Portal");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();
    assertThat(page.locator(".portal-messages")).containsText("was due on Monday");

    String reply = "Still nothing today, reference " + tag + ".";
    page.getByLabel("Your reply").fill(reply);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator(".notice")).containsText("your reply is on its way");

    await().atMost(Duration.ofSeconds(30)).until(() -> conversations.requireDetails(conversation.id()).messages()
        .stream().anyMatch(m -> reply.equals(m.body())));
    page.reload();
    assertThat(page.locator(".portal-messages")).containsText(reply);

    try (BrowserContext agents = page.context().browser().newContext(
        new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
      Page agent = agents.newPage();
      agent.navigate("/login");
      agent.getByLabel("Email").fill(ADMIN);
      agent.getByLabel("Password").fill(ADMIN_PASSWORD);
      agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      agent.navigate("/conversations/" + conversation.number());
      assertThat(agent.locator("body")).containsText(reply);
    }

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    assertThat(page.locator(".notice")).containsText("You are signed out.");
    page.navigate(URI.create(link).getPath());
    assertThat(page.locator(".problem")).containsText("used already");
  }
}
