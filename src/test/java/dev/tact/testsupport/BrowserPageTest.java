package dev.tact.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test against the running application: the JVM's one headless Chromium, a fresh context (no cookies)
 * and {@link #page} per test, with the application as base URL, so tests navigate to paths such as {@code /login}.
 */
@RequiresBrowser
public abstract class BrowserPageTest {

  /** The admin the demo workspace creates, with the password browser tests give it. */
  protected static final String ADMIN = "admin@tact.local";
  protected static final String ADMIN_PASSWORD = "browser-test-pass-1";

  /** The admin's signed-in session cookies, per application (its port), from the first sign-in through the form. */
  private static final Map<Integer, List<Cookie>> ADMIN_SESSIONS = new ConcurrentHashMap<>();

  @LocalServerPort
  protected int port;

  protected BrowserContext context;
  protected Page page;

  @BeforeEach
  void openPage() {
    context = HeadlessChromium.shared().browser().newContext(
        new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    if (context != null) {
      context.close();
    }
  }

  /** The shared browser, for a test that needs a context of its own (a phone's screen, say). */
  protected static Browser browser() {
    return HeadlessChromium.shared().browser();
  }

  /**
   * Logs in through the login form and, when that lands on the leads' dashboard, goes on to the inbox, where most
   * tests start (a test of the landing itself uses {@link #logInWhereItLands}).
   */
  protected void logIn(String email, String password) {
    logInWhereItLands(email, password);
    page.waitForURL(url -> !url.endsWith("/login"));
    if (page.url().endsWith("/dashboard")) {
      page.navigate("/");
    }
  }

  /** Logs in through the login form and stays where the sign-in lands. */
  protected void logInWhereItLands(String email, String password) {
    page.navigate("/login");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }

  /**
   * Logs in as the demo workspace's admin (to the inbox). The first test on an application signs in through the form;
   * later ones take that session's cookies into their fresh browser context and open the inbox, as a tab opened after
   * signing in does: signing in (a password hash, the leads' dashboard it lands on) is what the first one tests, and
   * the sign-in tests test it on its own. A session that has ended (its application restarted, say) signs in again.
   */
  protected void logInAsAdmin() {
    List<Cookie> session = ADMIN_SESSIONS.get(port);
    if (session != null) {
      page.context().addCookies(session);
      page.navigate("/");
      if (!page.url().contains("/login")) {
        return;
      }
    }
    logIn(ADMIN, ADMIN_PASSWORD);
    ADMIN_SESSIONS.put(port, page.context().cookies());
  }
}
