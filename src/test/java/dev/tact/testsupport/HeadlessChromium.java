package dev.tact.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@link RequiresBrowser#CHROMIUM}) driven by Playwright, headless, with the flags this machine
 * needs (no sandbox as root, no background connections to a closed network). Playwright never downloads a browser.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final double ASSERTION_PATIENCE_MILLIS = 30_000;

  private static HeadlessChromium shared;

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * One Chromium for every browser test of this JVM (each test opens its own browser context, so no cookies or
   * storage pass between tests); launched on first use and closed when the JVM exits. Launching the browser and
   * Playwright's driver once instead of once per test class saves seconds per class.
   */
  public static synchronized HeadlessChromium shared() {
    if (shared == null) {
      // Playwright's assertions wait for their condition up to 5 s by default: on a loaded machine (two test JVMs,
      // other builds) a page can answer later and still be right. A holding assertion returns at once either way.
      PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_PATIENCE_MILLIS);
      HeadlessChromium launched = launch();
      Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "headless-chromium-close"));
      shared = launched;
    }
    return shared;
  }

  public static HeadlessChromium launch() {
    Playwright playwright = Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(RequiresBrowser.CHROMIUM)
          .setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync")));
      return new HeadlessChromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
