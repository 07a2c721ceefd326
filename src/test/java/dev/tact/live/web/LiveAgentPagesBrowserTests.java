package dev.tact.live.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Priority;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.ListenerWork;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live agent pages in a real browser (Debian's Chromium, headless), on the agent UI's shared test application: two
 * agents in two browser contexts see each other on a conversation (viewing, replying), a change from the page that
 * did not see the other's change asks first and applies only when confirmed, a reply drafted before the customer's
 * new message shows that message first; the inbox takes a new conversation, its count and the page title without a
 * reload.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class LiveAgentPagesBrowserTests extends BrowserPageTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  /** What comes from another agent or the intake pipeline may take a while on a loaded machine. */
  private static final LocatorAssertions.ContainsTextOptions LIVE =
      new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENCE.toMillis());

  @Autowired
  MessageIntake intake;

  @Autowired
  StaffDirectory staff;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ConversationManagement conversations;

  @Test
  void twoAgentsSeeEachOtherAndAStaleChangeAsksFirst() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long number = newConversation("Printer jams " + suffix, "vera-" + suffix + "@example.org",
        "The printer jams on every page.");
    String boPassword = "bo-pass-" + suffix;
    staff.createAgent("bo-" + suffix + "@tact.test", "Bo " + suffix, Role.AGENT, boPassword);
    logInAsAdmin();
    BrowserContext boContext = page.context().browser().newContext(
        new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
    try {
      twoAgentsOnOneConversation(number, suffix, boContext.newPage(), boPassword);
    } finally {
      boContext.close(); // a page left open keeps its stream, and its reconnections, until the JVM ends
    }
  }

  private void twoAgentsOnOneConversation(long number, String suffix, Page bo, String boPassword) {
    logIn(bo, "bo-" + suffix + "@tact.test", boPassword);

    page.navigate("/conversations/" + number);
    bo.navigate("/conversations/" + number);

    assertThat(page.locator("#presence")).containsText("Bo " + suffix + " is viewing", LIVE);
    assertThat(bo.locator("#presence")).containsText("Ada Admin is viewing", LIVE);

    bo.locator("#reply-text").pressSequentially("We are on it");
    assertThat(page.locator("#presence")).containsText("Bo " + suffix + " is replying", LIVE);

    // Ada drafts a reply (so her page keeps what she typed), Bo sets the status meanwhile
    page.locator("#reply-text").fill("Please send us a photo of the jam.");
    bo.locator("select[name=status]").selectOption("pending");
    bo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set status")).click();
    assertThat(bo.locator(".notice")).containsText("Status saved.");
    assertThat(page.locator("#live-changed")).containsText("Bo " + suffix + " changed the status", LIVE);

    // Ada's page had not seen it: her priority change asks first and changes nothing when she cancels
    page.locator("select[name=priority]").selectOption("high");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set priority")).click();
    assertThat(page.locator("#stale-dialog")).isVisible();
    assertThat(page.locator("#stale-dialog .stale-changes"))
        .containsText(Pattern.compile("Bo " + suffix
            + " changed the status: New → Pending customer (just now|\\d+ s ago)"));
    page.locator("#stale-dialog .stale-cancel").click();
    assertThat(page.locator("#stale-dialog")).isHidden();
    assertThat(priority(number)).isEqualTo("NORMAL");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set priority")).click();
    page.locator("#stale-dialog .stale-apply").click();
    assertThat(page.locator(".notice")).containsText("Priority saved.");
    assertThat(priority(number)).isEqualTo("HIGH");
    assertThat(jdbc.sql("SELECT status FROM conv_conversation WHERE number = :n").param("n", number)
        .query(String.class).single()).isEqualTo("PENDING");

    // a reply drafted before the customer's new message shows that message and is sent only when confirmed
    page.locator("#reply-text").fill("Did restarting it help?");
    String followUp = "It jammed again, now with smoke " + suffix;
    intake.submit(new MessageSubmission("email", "vera-" + suffix + "@example.org", "Vera Visitor", null, null,
        "Re: Printer jams " + suffix, followUp, null, null, Long.toString(number)));
    assertThat(page.locator("#live-changed")).containsText("Vera Visitor wrote a new message", LIVE);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.locator("#stale-dialog")).isVisible();
    assertThat(page.locator("#stale-dialog .stale-message-list")).containsText(followUp);
    assertThat(replies(number)).isZero();
    page.locator("#stale-dialog .stale-apply").click();
    assertThat(page.locator(".notice")).containsText("Reply added.");
    assertThat(replies(number)).isEqualTo(1);
  }

  @Test
  void aChangeMadeWhileThePageHadNoStreamIsToldWhenTheStreamOpens() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long number = newConversation("Lamp flickers " + suffix, "vera-" + suffix + "@example.org",
        "The lamp flickers at night.");
    UUID id = jdbc.sql("SELECT id FROM conv_conversation WHERE number = :n").param("n", number)
        .query(UUID.class).single();
    logInAsAdmin();
    // the page's stream cannot connect until the change is made: no signal can reach the page
    AtomicBoolean streamHeld = new AtomicBoolean(true);
    page.route("**/live/events**", route -> {
      if (streamHeld.get()) {
        route.abort();
      } else {
        route.resume();
      }
    });
    page.navigate("/conversations/" + number);
    page.locator("#reply-text").fill("A draft the page keeps");
    conversations.changePriority(id, Actor.agent(null, "Lena " + suffix), Priority.URGENT);
    streamHeld.set(false);

    assertThat(page.locator("#live-changed")).isVisible(
        new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE.toMillis()));
    assertThat(page.locator("#live-changed")).containsText("Lena " + suffix + " changed the priority");
    assertThat(page.locator("#reply-text")).hasValue("A draft the page keeps");
  }

  @Test
  void theInboxTakesANewConversationWithoutAReload() {
    logInAsAdmin();
    assertThat(page.locator("main h1")).hasText("Inbox");
    assertThat(page.locator("[data-live-count=unassigned]")).hasText(Pattern.compile("\\d+"));
    page.evaluate("window.sameDocument = true");
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    String subject = "Wrong size delivered " + suffix;
    newConversation(subject, "olga-" + suffix + "@example.org", "I ordered a medium, got a small.");

    assertThat(page.locator("#inbox tr.live-new", new Page.LocatorOptions().setHasText(subject)))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE.toMillis()));
    assertThat(page).hasTitle(Pattern.compile("^\\(\\d+\\) Inbox"));
    long unassigned = jdbc.sql("""
        SELECT COUNT(*) FROM conv_conversation WHERE assignee_id IS NULL
        AND status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')""").query(Long.class).single();
    assertThat(page.locator("[data-live-count=unassigned]")).hasText(Long.toString(unassigned));
    assertThat(page.evaluate("window.sameDocument === true")).isEqualTo(true);
  }

  /** Files a customer's email and waits until what its filing set off (routing, say) is done. */
  private long newConversation(String subject, String sender, String text) {
    intake.submit(new MessageSubmission("email", sender, "Vera Visitor", null, null, subject, text, null, null,
        null));
    await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT COUNT(*) FROM conv_conversation WHERE subject = :s")
        .param("s", subject).query(Long.class).single() == 1);
    UUID id = jdbc.sql("SELECT id FROM conv_conversation WHERE subject = :s").param("s", subject)
        .query(UUID.class).single();
    ListenerWork.awaitDone(jdbc, id, PATIENCE);
    return jdbc.sql("SELECT number FROM conv_conversation WHERE id = :id").param("id", id).query(Long.class).single();
  }

  private String priority(long number) {
    return jdbc.sql("SELECT priority FROM conv_conversation WHERE number = :n").param("n", number)
        .query(String.class).single();
  }

  private long replies(long number) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id
        WHERE c.number = :n AND m.direction = 'OUTBOUND'""").param("n", number).query(Long.class).single();
  }

  private static void logIn(Page page, String email, String password) {
    page.navigate("/login");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }
}
