package dev.tact.staff.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tact.staff.signin.Totp;
import dev.tact.testsupport.MailRelayBrowserTest;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.StaffMailbox;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Adding a colleague in a real browser: the demo's admin invites them under Admin → Staff, the invitation reaches
 * GreenMail through the outbox, and the colleague opens the link in a browser of their own, chooses a password,
 * signs in, sets up an authenticator app (the test computes its codes from the secret the page shows) and signs in
 * again with password and code.
 */
@RequiresBrowser
class StaffInvitationBrowserTests extends MailRelayBrowserTest {

  @Test
  void shouldInviteAColleagueWhoSetsAPasswordEnrolsASecondFactorAndSignsIn() {
    String email = "nina." + UUID.randomUUID().toString().substring(0, 8) + "@staff.test";
    logInAsAdmin();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff").setExact(true)).click();
    page.getByLabel("Email").fill(email);
    page.getByLabel("Name").fill("Nina New");
    page.getByLabel("Role").selectOption(new SelectOption().setLabel("lead"));
    page.getByLabel("Billing").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite")).click();

    assertThat(page.locator("[data-issued-link]")).containsText("Invitation for Nina New sent");
    String shownOnce = page.locator("[data-issued-link] .secret-value").textContent();
    assertThat(page.locator("tr[data-agent='" + email + "']")).containsText("invited");
    assertThat(page.locator("tr[data-agent='" + email + "']")).containsText("Billing");

    String mailed = StaffMailbox.link(StaffMailbox.await(email, 1), "/invitation/");
    org.assertj.core.api.Assertions.assertThat(mailed).isEqualTo(shownOnce);

    try (BrowserContext colleagues = page.context().browser().newContext(
        new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
      Page nina = colleagues.newPage();
      nina.navigate(URI.create(mailed).getPath());
      assertThat(nina.locator("h1")).containsText("Welcome, Nina New");
      nina.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("nina-secret-42");
      nina.getByLabel("Password again").fill("nina-secret-42");
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
      assertThat(nina.locator(".notice")).containsText("Your password is set.");

      nina.getByLabel("Email").fill(email);
      nina.getByLabel("Password").fill("nina-secret-42");
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      assertThat(nina.locator(".who")).hasText(email);
      nina.locator(".who").click();
      assertThat(nina.locator("h1")).hasText("Your account");

      nina.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Security").setExact(true)).click();
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app")).click();
      String secret = nina.locator("#totp-secret").textContent();
      nina.getByLabel("Code from the app").fill(Totp.authenticatorCode(secret, Instant.now()));
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on").setExact(true)).click();
      assertThat(nina.locator(".notice")).containsText("Two-factor sign-in is on");
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();

      nina.getByLabel("Email").fill(email);
      nina.getByLabel("Password").fill("nina-secret-42");
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      assertThat(nina).hasURL(Pattern.compile("/login/two-factor$"));
      // the app's next code: a code of the step used to turn it on may not be used twice, and one step ahead is taken
      nina.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
          .fill(Totp.authenticatorCode(secret, Instant.now().plusSeconds(30)));
      nina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
      assertThat(nina.locator("header .who")).hasText(email);
    }

    page.navigate("/admin/staff");
    assertThat(page.locator("tr[data-agent='" + email + "']")).containsText("active");
  }
}
