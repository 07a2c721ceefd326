package dev.tact.policy.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.CustomerDetails;
import dev.tact.contact.IdentityParser;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 14's contact-policy points in a real browser, against the demo workspace: a contact known only by a phone
 * number (imported from CSV) is placed by its area code on the contact page and in the decision; customer-since and
 * plan beside a conversation; the do-not-call and emergency pages.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class ContactPolicyPagesBrowserTests extends BrowserPageTest {

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConsentLedger ledger;

  private static String digits() {
    return String.valueOf(1000 + ThreadLocalRandom.current().nextInt(9000));
  }

  @Test
  void shouldPlaceAnImportedPhoneOnlyContactInManitobaAndDeferTheThanksgivingCallToTuesdayNine() {
    String name = "Phone Only " + digits();
    String csv = "name,phone,customer since,plan\n" + name + ",+1 204 555 " + digits() + ",2019-03-01,Pro\n";
    logInAsAdmin();
    page.navigate("/contacts");
    page.locator("#import input[name=file]").setInputFiles(new FilePayload("contacts.csv", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
    assertThat(page.locator(".notice")).containsText("Imported 1 row: 1 created, 0 updated.");

    page.navigate("/contacts?q=" + name.replace(' ', '+'));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
    assertThat(page.locator("main h1")).hasText(name);
    assertThat(page.locator(".where-source")).hasText("from the area code +1 204: Manitoba");
    assertThat(page.locator(".where-names")).hasText("Manitoba");
    assertThat(page.locator(".their-zone")).hasText("Winnipeg, Central time");
    assertThat(page.locator("main .customer-plan").first()).hasText("Pro");

    page.locator("#consent select[name=kind]").selectOption("EXPRESS");
    page.locator("#consent select[name=channel]").selectOption("PHONE_CALL");
    page.locator("#consent select[name=purpose]").selectOption("MARKETING");
    page.locator("#consent input[name=evidence]").fill("web form 17");
    page.locator("#consent input[name=given]").fill("2010-05-01T12:00");
    page.locator("#consent button").click();
    assertThat(page.locator(".notice")).containsText("Recorded in the consent ledger.");

    page.locator("#plan select[name=channel]").selectOption("PHONE_CALL");
    page.locator("#plan select[name=purpose]").selectOption("MARKETING");
    page.locator("#plan input[name=when]").fill("2011-10-10T11:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the policy")).click();

    assertThat(page).hasURL(Pattern.compile("/policy/decisions/"));
    assertThat(page.locator("main h1 .badge")).hasText("DEFER");
    assertThat(page.locator(".not-before")).hasText("Tuesday 11 October 2011 09:00");
    assertThat(page.locator(".zone-name")).hasText("(Winnipeg, Central time)");
    assertThat(page.locator(".summary")).containsText("Monday 10 October 2011 is Thanksgiving Day in Manitoba "
        + "(from the area code +1 204: Manitoba)");
    assertThat(page.locator(".summary")).containsText("next permitted: Tuesday 11 October 2011 09:00 "
        + "(Winnipeg, Central time)");
    assertThat(page.locator("main .where")).containsText("from the area code +1 204: Manitoba");
  }

  @Test
  void shouldDeferASalesCallToA305NumberAtQuarterPastEightToEightNextMorning() {
    Contact florida = contacts.create(new ContactNames("Florida Caller " + digits(), null, null),
        List.of(identities.phone("+1 305 555 " + digits())), new CustomerDetails(null, null));
    ledger.record(florida.id(), new ConsentRequest(ConsentEntry.Kind.EXPRESS, Channel.PHONE,
        Purpose.MARKETING, null, "web form", "form 9", null), "test");
    LocalDate tuesday = LocalDate.now(ZoneId.of("America/New_York")).plusMonths(2).withDayOfMonth(1)
        .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
    logInAsAdmin();
    page.navigate("/contacts/" + florida.id());
    assertThat(page.locator(".their-zone")).hasText("New York, Eastern time");

    page.locator("#plan select[name=channel]").selectOption("PHONE_CALL");
    page.locator("#plan select[name=purpose]").selectOption("MARKETING");
    page.locator("#plan input[name=when]").fill(tuesday + "T20:15");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the policy")).click();

    assertThat(page.locator("main h1 .badge")).hasText("DEFER");
    assertThat(page.locator(".not-before")).hasText(java.time.format.DateTimeFormatter
        .ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH).format(tuesday.plusDays(1)) + " 08:00");
    assertThat(page.locator(".summary")).containsText("R8 Florida");
    assertThat(page.locator(".summary")).containsText("from the area code +1 305: Florida");
  }

  @Test
  void shouldShowCustomerSinceAndPlanBesideTheConversation() {
    Contact marguerite = contacts.search("Marguerite", 1).getFirst();
    logInAsAdmin();
    page.navigate("/contacts/" + marguerite.id());
    page.locator("#customer input[name=customerSince]").fill("2019-03-01");
    page.locator("#customer input[name=plan]").fill("Business, 4,800 USD a year");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save customer details")).click();
    assertThat(page.locator(".notice")).containsText("Customer details saved.");
    assertThat(page.locator("main > p.muted")).containsText("years)");

    page.navigate("/");
    page.locator("#inbox a.subject", new Page.LocatorOptions().setHasText("Quote for 40 seats")).click();
    assertThat(page.locator(".customer .customer-since")).hasText("1 Mar 2019");
    assertThat(page.locator(".customer .customer-plan")).hasText("Business, 4,800 USD a year");
  }

  @Test
  void shouldLoadADoNotCallFileAndDeclareAnEmergencyFromTheirPages() {
    logInAsAdmin();
    page.navigate("/admin/policy");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Do-not-call registers")).click();
    String number = "780555" + digits();
    page.locator("#register-ca-dncl input[name=file]").setInputFiles(new FilePayload("dncl.csv", "text/csv",
        ("number,registered\n" + number + ",2015-01-10\n").getBytes(StandardCharsets.UTF_8)));
    page.locator("#register-ca-dncl button").first().click();
    assertThat(page.locator(".notice")).containsText("Canada's National Do Not Call List: 1 row added");

    page.locator("select[name=register]").selectOption(new SelectOption().setValue("ca-dncl"));
    page.locator("input[name=number]").first().fill(number);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
    assertThat(page.locator(".lookup")).containsText("is on Canada's National Do Not Call List since 2015-01-10");

    page.navigate("/policy/emergencies");
    String title = "Flood " + digits();
    page.locator("#declare input[name=title]").fill(title);
    page.locator("#declare input[name=country]").fill("US");
    page.locator("#declare input[name=subdivision]").fill("la");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare")).click();
    assertThat(page.locator(".notice")).containsText("Emergency declared");
    assertThat(page.locator(".emergencies")).containsText(title);
    assertThat(page.locator(".emergencies")).containsText("Louisiana");
  }
}
