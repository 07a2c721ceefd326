package dev.tact.survey.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.testsupport.ListenerWork;
import dev.tact.testsupport.MailRelayBrowserTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.StaffMailbox;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19's first "done when", in Chromium: an agent solves a conversation, the survey arrives through GreenMail,
 * the customer opens the link (no login) and answers poorly with a comment, and the answer shows on the dashboard's
 * satisfaction panels and on the conversation page with the conversation flagged; the same contact's next solved
 * conversation gets no survey, and the page says why in the contact policy's words.
 */
@RequiresBrowser
class SurveyBrowserTests extends MailRelayBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldSurveyBySolvedConversationTakeTheAnswerOnThePublicPageAndHoldBackASecondSurvey() {
    String customer = "survey-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    long first = emailConversation(customer, "My parcel never arrived");
    logInAsAdmin();
    solve(first);
    // leave the live conversation page: the answer changes the conversation, and the page's own refresh would cut
    // short a navigation started at that moment
    page.navigate("about:blank");

    MimeMessage survey = await().atMost(PATIENCE).until(() -> StaffMailbox.to(customer).stream()
        .filter(m -> StaffMailbox.text(m).contains("/survey/")).findFirst().orElse(null), m -> m != null);
    String link = StaffMailbox.link(survey, "/survey/");
    org.assertj.core.api.Assertions.assertThat(StaffMailbox.text(survey)).contains("#" + first,
        "change your answer for 7 days");

    String comment = "Three weeks and still no parcel " + UUID.randomUUID();
    try (BrowserContext customerBrowser = browser().newContext()) {
      Page customerPage = customerBrowser.newPage();
      customerPage.navigate("http://localhost:" + port + URI.create(link).getPath());
      assertThat(customerPage.getByRole(AriaRole.HEADING)).hasText("How did we do?");
      customerPage.getByLabel("Not good").check();
      customerPage.getByLabel("Anything you want to tell us? (optional)").fill(comment);
      customerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer")).click();
      assertThat(customerPage.locator("[data-survey-state=thanks]")).hasText("Thank you for your answer.");
      assertThat(customerPage.locator("[data-survey-answer]")).containsText("Your answer: Not good");
    }

    page.navigate("/dashboard");
    assertThat(page.locator("#panel-satisfaction-over-time .headline"))
        .containsText(Pattern.compile("[\\d.]+ % satisfied, [\\d.]+ % poor \\((1 answer|\\d+ answers),"));
    assertThat(page.locator("#panel-satisfaction-by-channel .panel-table")).containsText("email");

    page.navigate("/conversations/" + first);
    assertThat(page.locator("[data-survey-score]")).hasText("Not good");
    assertThat(page.locator("[data-survey-comment]")).hasText(comment);
    assertThat(page.locator("body")).containsText("poor survey");

    long second = emailConversation(customer, "And my second parcel?");
    solve(second);
    page.navigate("about:blank"); // as above: the survey decision changes the conversation its live page shows
    await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT COUNT(*) FROM survey s JOIN conv_conversation c "
        + "ON c.id = s.conversation_id WHERE c.number = :n").param("n", second).query(Long.class).single() > 0);
    page.navigate("/conversations/" + second);
    assertThat(page.locator("[data-survey-not-sent]")).containsText("Survey not sent: they were asked for a survey on");
    assertThat(page.locator("[data-survey-not-sent]")).containsText("at most one survey per 30 days");
    org.assertj.core.api.Assertions.assertThat(StaffMailbox.to(customer).stream()
        .filter(m -> StaffMailbox.text(m).contains("/survey/")).count()).isEqualTo(1);
  }

  private void solve(long number) {
    page.navigate("/conversations/" + number);
    page.locator("select[name=status]").selectOption(new SelectOption().setValue("solved"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set status")).click();
    assertThat(page.locator(".badge.status-solved").first()).hasText("Solved");
  }

  private long emailConversation(String email, String subject) {
    String messageId = UUID.randomUUID() + "@customer.test";
    intake.submit(new MessageSubmission("email", email, "Sam Customer", null, null, subject, "Hello, " + subject,
        messageId, null, null));
    await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT COUNT(*) FROM conv_message WHERE external_id = :id")
        .param("id", messageId).query(Long.class).single() > 0);
    UUID conversationId = jdbc.sql("SELECT conversation_id FROM conv_message WHERE external_id = :id")
        .param("id", messageId).query(UUID.class).single();
    // triage and effort change the conversation after it is filed: its live page would reload under solve()
    ListenerWork.awaitDone(jdbc, conversationId, PATIENCE);
    return jdbc.sql("SELECT number FROM conv_conversation WHERE id = :id").param("id", conversationId)
        .query(Long.class).single();
  }
}
