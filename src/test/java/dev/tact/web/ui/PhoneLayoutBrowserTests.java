package dev.tact.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.notification.NotificationKind;
import dev.tact.notification.Notifications;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The agent UI on a phone (390 × 844, Debian's Chromium as a mobile browser) against the demo workspace: the inbox,
 * a conversation and the notifications fit the screen's width (no sideways scrolling of the page), the navigation
 * folds into a menu, tap targets are at least 40 px high, and an @mention typed in a note is completed and notifies
 * the colleague. Screenshots go to target/phone-*.png for people to look at.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class PhoneLayoutBrowserTests extends BrowserPageTest {

  static final int WIDTH = 390;
  static final int HEIGHT = 844;

  /** Visible links and buttons lower than 40 px, described, among those the selector finds. */
  static final String SMALL_TARGETS = """
      selector => Array.from(document.querySelectorAll(selector))
        .filter(e => e.offsetParent !== null)
        .map(e => ({text: (e.innerText || e.value || e.getAttribute('aria-label') || e.className).trim(),
                    height: e.getBoundingClientRect().height}))
        .filter(t => t.height < 40)
        .map(t => t.text + ' (' + Math.round(t.height) + ' px)')""";

  @Autowired StaffDirectory staff;
  @Autowired Notifications notifications;
  @Autowired ConversationManagement conversations;
  @Autowired ContactManagement contacts;

  @BeforeEach
  void phone() {
    context.close();
    context = browser().newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
        .setViewportSize(WIDTH, HEIGHT).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
    page = context.newPage();
  }

  @Test
  void shouldFitTheInboxAndAConversationOnAPhoneAndFoldTheNavigationIntoAMenu() {
    logInAsAdmin();
    assertThat(page.locator("main h1")).hasText("Inbox");
    assertFitsTheWidth("inbox");
    assertThat(page.locator(".topbar nav")).isHidden();
    assertThat(smallTargets("#inbox a, .topbar a, .topbar label, main button")).isEmpty();

    page.getByText("Menu").click();
    assertThat(page.locator(".topbar nav")).isVisible();
    assertThat(smallTargets(".topbar nav a")).isEmpty();
    assertFitsTheWidth("menu");

    page.locator("#inbox a.subject", new Page.LocatorOptions().setHasText("Quote for 40 seats")).click();
    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));
    assertThat(page.locator("main h1")).containsText("Quote for 40 seats");
    assertFitsTheWidth("conversation");
    assertThat(smallTargets("main button, .topbar a, .customer a")).isEmpty();
  }

  @Test
  void shouldCompleteAnAtMentionInANoteAndNotifyTheColleagueOnAPhone() {
    Agent sam = staff.agents().stream().filter(a -> a.displayName().equals("Sam Support")).findFirst().orElseThrow();
    int before = notifications.forAgent(sam.id(), 100).size();
    long number = ownConversation(); // the demo's are other tests' (the 'ui' context is shared)
    logInAsAdmin();
    page.navigate("/conversations/" + number);

    page.locator("#note-text").click();
    page.locator("#note-text").pressSequentially("Can you take this, @Sa");
    assertThat(page.locator(".mention-option").first()).containsText("Sam Support");
    page.locator("#note-text").press("Enter");
    assertThat(page.locator("#note-text")).hasValue("Can you take this, @Sam Support ");
    page.locator("#note-text").pressSequentially("please?");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();

    assertThat(page.locator(".msg-note").last()).containsText("@Sam Support please?");
    await().atMost(Duration.ofSeconds(20)).until(() -> notifications.forAgent(sam.id(), 100).size() > before);
    assertThat(notifications.forAgent(sam.id(), 100).getFirst().kind()).isEqualTo(NotificationKind.MENTIONED);

    page.navigate("/notifications");
    assertThat(page.locator("main h1")).hasText("Notifications");
    assertFitsTheWidth("notifications");
  }

  private long ownConversation() {
    String address = "phone-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Robin", null, null)).id();
    return conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Robin",
        "Typed on a phone", "Hello from the bus", null, null, null, Instant.now(), List.of(), null, null, null, false,
        false, null)).number();
  }

  private void assertFitsTheWidth(String name) {
    Path shot = Paths.get("target", "phone-" + name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
    Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
    Number innerWidth = (Number) page.evaluate("window.innerWidth");
    assertThat(innerWidth.intValue()).isEqualTo(WIDTH);
    assertThat(scrollWidth.intValue()).as("the %s page's width on a phone (screenshot %s)", name, shot)
        .isLessThanOrEqualTo(innerWidth.intValue());
  }

  @SuppressWarnings("unchecked")
  private List<String> smallTargets(String selector) {
    return (List<String>) page.evaluate(SMALL_TARGETS, selector);
  }
}
