package dev.tact.survey.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tact.survey.SurveySettings;
import dev.tact.survey.SurveySettingsService;
import dev.tact.testsupport.BrowserPageTest;
import dev.tact.testsupport.RequiresBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Admin → Surveys in Chromium: reached from the menu, the scale switched and saved, the page says so. */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class SurveyAdminBrowserTests extends BrowserPageTest {

  @Autowired
  SurveySettingsService settings;

  @AfterEach
  void restore() {
    settings.update(new SurveySettings.Change(true, 2), "test clean-up");
  }

  @Test
  void adminSwitchesTheScaleFromTheMenu() {
    logInAsAdmin();
    page.locator("nav a", new Page.LocatorOptions().setHasText("Surveys")).click();
    assertThat(page.locator("main h1")).hasText("Satisfaction surveys");

    page.getByLabel("1 to 5").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

    assertThat(page.locator("[role=status]")).containsText("Survey settings saved.");
    assertThat(page.getByLabel("1 to 5")).isChecked();
    assertThat(page.getByLabel("Send surveys when a conversation is solved")).isChecked();
    assertThat(page.locator("[data-survey-settings-saved]")).containsText("Last changed by");
    org.assertj.core.api.Assertions.assertThat(settings.current().scale()).isEqualTo(5);
  }
}
