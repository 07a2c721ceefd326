package dev.tact.calls.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.ContactProfile;
import dev.tact.contact.CustomerDetails;
import dev.tact.contact.IdentityParser;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.RequiresBrowser;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Logging a call in Chromium: find the contact by their phone number as a person types it, say the call is
 * outbound, see the contact policy's answer, log it, and find it in the conversation. The clock stands on a Tuesday
 * afternoon in Winnipeg, when a support call is allowed.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1", "tact.delivery.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:calls-ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(LogACallBrowserTests.TestClock.class)
class LogACallBrowserTests extends BrowserPageTest {

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-12-08T20:00:00Z"));
    }
  }

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Test
  void shouldFindTheContactByPhoneShowThePolicysAnswerAndLogTheOutboundCallIntoTheConversation() {
    String digits = String.valueOf(1000 + ThreadLocalRandom.current().nextInt(9000));
    Contact pat = contacts.create(new ContactNames("Pat Phoneonly", null, null),
        List.of(identities.phone("+1 204 555 " + digits)), new CustomerDetails(null, null));
    contacts.updateProfile(pat.id(), new ContactProfile(null, null, "America/Winnipeg", "CA", "MB"));
    String e164 = "+1204555" + digits;

    logInAsAdmin();
    page.navigate("/calls");
    page.locator("#log-a-call").click();
    page.getByLabel("Find by email, phone, handle or name").fill("(204) 555-" + digits);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
    page.locator(".found-contacts a", new Page.LocatorOptions().setHasText("Pat Phoneonly")).click();
    assertThat(page.locator(".call-contact")).hasText("Pat Phoneonly");
    assertThat(page.locator("#call-number")).hasValue(e164);

    page.locator("#call-outbound").check();
    page.locator("#call-purpose").selectOption("TRANSACTIONAL");
    page.locator("#call-outcome").selectOption("ANSWERED");
    page.locator("#call-minutes").fill("6");
    page.locator("#call-seconds").fill("30");
    page.locator("#call-notes").fill("Walked them through the router reset.");
    page.locator("#call-log").click();

    assertThat(page.locator(".call-policy .policy-outcome")).hasText("allowed");
    assertThat(page.locator(".call-policy .policy-summary")).containsText("Allowed at Tuesday 8 December 2026 14:00");
    assertThat(page.locator("#call-notes")).hasValue("Walked them through the router reset.");
    page.locator("#call-log").click();

    assertThat(page).hasURL(Pattern.compile("/conversations/\\d+$"));
    assertThat(page.locator(".notice")).hasText("Call logged.");
    assertThat(page.locator(".customer .contact-name")).hasText("Pat Phoneonly");
    assertThat(page.locator("ol.messages .msg-outbound .body")).containsText("Outbound call to " + e164
        + ", answered, 6 min 30 s.");
    assertThat(page.locator("ol.messages .msg-outbound .body")).containsText("Contact policy: allowed");
    assertThat(page.locator("ol.messages .msg-outbound .kind")).hasText("call");
    assertThat(page.locator("ol.messages .msg-outbound .body")).containsText("Walked them through the router reset.");

    page.locator(".log-call").click();
    assertThat(page.locator("#call-conversation option[selected]")).containsText("#");
    assertThat(page.locator(".call-contact")).hasText("Pat Phoneonly");
  }
}
