package dev.tact.dashboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.LoadState;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dashboard in Chromium, on the demo workspace: the admin lands on it after signing in, sees the sections in the
 * order customers feel them (backlog before handle time), each panel with its chart and table, and downloads a
 * panel's CSV; a filter it cannot read is a sentence on the page.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class DashboardBrowserTests extends BrowserPageTest {

  @Test
  void shouldLandTheAdminOnTheDashboardWithSectionsInOrderEachChartWithItsTable() throws Exception {
    logInWhereItLands(ADMIN, ADMIN_PASSWORD);

    assertThat(page).hasURL(Pattern.compile("/dashboard$"));
    assertThat(page.locator("main h1")).hasText("Dashboard");
    // The page arrives in chunks; its sections are read once the whole of it is in the document.
    page.waitForLoadState(LoadState.LOAD);
    Locator headings = page.locator("section.dashboard-section h2");
    java.util.List<String> order = headings.allTextContents();
    org.assertj.core.api.Assertions.assertThat(order).containsSubsequence("Backlog age",
        "Reopened and unresolved work", "Incidents", "Handle time");
    Locator backlog = page.locator("#panel-backlog-age");
    assertThat(backlog.locator("svg.chart-bar")).isVisible();
    assertThat(backlog.locator("table.panel-table tbody tr")).hasCount(5);
    assertThat(backlog.locator(".headline")).containsText("open");
    assertThat(page.locator("#panel-reopened-unresolved svg.chart-line polyline")).hasCount(3);
    org.assertj.core.api.Assertions.assertThat(page.locator(".panel-error").count()).isZero();

    Download download = page.waitForDownload(() -> backlog.locator("a.csv").click());
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThat(csv).startsWith("Age,Waiting on us,Waiting on the customer\r\n")
        .contains("under 1 day,");
  }

  @Test
  void shouldSayWhichFilterIsWrongInsteadOfShowingPanels() {
    logInAsAdmin();
    page.navigate("/dashboard?channel=pigeon");

    assertThat(page.locator(".filter-problem")).containsText("Unknown channel 'pigeon'");
    assertThat(page.locator(".dashboard-panel")).hasCount(0);
  }
}
