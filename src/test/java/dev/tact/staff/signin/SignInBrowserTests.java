package dev.tact.staff.signin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.RequiresBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Safe sign-in in a real browser: an agent sets up an authenticator app (the test reads the secret off the page and
 * computes codes as the app would), signs out, and signs in with password and code; wrong passwords slow down and
 * then lock the account. The application's clock is moved by hand.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:signin-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false"})
@Import(SignInBrowserTests.Fixtures.class)
class SignInBrowserTests extends BrowserPageTest {

  static final String PASSWORD = "browser-signin-pass-1";

  @TestConfiguration
  static class Fixtures {

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  StaffDirectory staff;

  @Autowired
  SignInPolicy policy;

  @Test
  void shouldEnrolAnAuthenticatorSignOutAndSignInWithPasswordAndCode() {
    Agent rosa = agent("rosa");
    logIn(rosa.email(), PASSWORD);
    assertThat(page.locator("main h1")).hasText("Inbox");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Security").setExact(true)).click();
    assertThat(page.locator("main h1")).hasText("Sign-in security");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app")).click();
    assertThat(page.locator("img.qr-code")).isVisible();
    assertThat(page.locator("img.qr-code")).hasAttribute("src", Pattern.compile("^data:image/svg\\+xml;base64,"));
    String secret = page.locator("#totp-secret").textContent();
    page.getByLabel("Code from the app").fill(Totp.authenticatorCode(secret, clock.instant()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on").setExact(true)).click();
    assertThat(page.locator(".notice")).containsText("Two-factor sign-in is on");
    assertThat(page.locator("#recovery-codes li")).hasCount(10);
    assertThat(page.locator("#two-factor-state")).containsText("10 of 10 recovery codes left");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
    assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));

    logIn(rosa.email(), PASSWORD);
    assertThat(page).hasURL(Pattern.compile("/login/two-factor$"));
    page.navigate("/"); // nothing opens before the second factor
    assertThat(page).hasURL(Pattern.compile("/login$"));
    page.navigate("/login/two-factor");
    clock.advance(Duration.ofSeconds(30)); // the app shows the next code
    page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
        .fill(Totp.authenticatorCode(secret, clock.instant()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

    assertThat(page.locator("main h1")).hasText("Inbox");
    assertThat(page.locator("header .who")).hasText(rosa.email());
  }

  @Test
  void shouldDelayThenLockAnAccountAfterWrongPasswordsAndOpenItAgainLater() {
    Agent sam = agent("sam");
    for (int attempt = 1; attempt <= 3; attempt++) {
      logIn(sam.email(), "wrong-password-" + attempt);
      assertThat(page.locator(".problem")).hasText("Wrong email or password. Please try again.");
    }
    logIn(sam.email(), PASSWORD);
    assertThat(page.locator(".problem")).hasText("Too many failed attempts; try again in 20 seconds.");

    for (int attempt = 4; attempt <= 10; attempt++) {
      clock.advance(Duration.ofSeconds(20));
      logIn(sam.email(), "wrong-password-" + attempt);
      assertThat(page.locator(".problem")).hasText("Wrong email or password. Please try again.");
    }
    clock.advance(Duration.ofSeconds(20));
    logIn(sam.email(), PASSWORD);
    assertThat(page.locator(".problem")).hasText(
        Pattern.compile("^Too many failed attempts; try again in 1[0-5] minutes\\.$"));

    clock.advance(Duration.ofMinutes(15));
    logIn(sam.email(), PASSWORD);
    assertThat(page.locator("main h1")).hasText("Inbox");
  }

  @Test
  void shouldShowTheRequiredSetupRightAfterThePassword() {
    Agent admin = agent("tess", Role.ADMIN);
    Agent uma = agent("uma");
    logIn(admin.email(), PASSWORD);
    page.navigate("/admin/signin");
    page.getByLabel("Require two-factor sign-in for every agent").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".notice")).containsText("Two-factor sign-in is now required");
    // leave the signed-in page first: its live updates (server-sent events, counts) must not run while the
    // cookies change under them, or a request of theirs can answer with a session of its own
    page.navigate("about:blank");
    context.clearCookies();

    try {
      logIn(uma.email(), PASSWORD);
      assertThat(page).hasURL(Pattern.compile("/login/two-factor/enrol$"));
      assertThat(page.locator("main h1")).hasText("Set up two-factor sign-in");
      String secret = page.locator("#totp-secret").textContent();
      page.getByLabel("Code from the app").fill(Totp.authenticatorCode(secret, clock.instant()));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on and sign in")).click();

      assertThat(page.locator("main h1")).hasText("Sign-in security");
      assertThat(page.locator("#recovery-codes li")).hasCount(10);
      assertThat(page.locator("header .who")).hasText(uma.email());
    } finally {
      policy.requireTwoFactor(false);
    }
  }

  private Agent agent(String name) {
    return agent(name, Role.AGENT);
  }

  private Agent agent(String name, Role role) {
    return staff.createAgent(name + "-" + UUID.randomUUID() + "@example.com", name, role, PASSWORD);
  }

}
