package dev.tact.survey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.survey.SurveySettings;
import dev.tact.survey.SurveySettingsService;
import dev.tact.testsupport.TactTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Admin → Surveys: shows and saves the settings through the service the API uses (same rules, same audit entry);
 * bad input is a message on the page and saves nothing; only admins reach it.
 */
@TactTest
class SurveyAdminPageTests {

  @Autowired
  MockMvc mvc;

  @Autowired
  SurveySettingsService settings;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void restoreDefaults() {
    settings.update(new SurveySettings.Change(true, 2), "test clean-up");
  }

  @Test
  void shouldSaveTheSettingsByFormAndAuditTheChange() throws Exception {
    String admin = "survey-admin-" + UUID.randomUUID() + "@example.com";
    String page = mvc.perform(get("/admin/surveys").with(user(admin).roles("ADMIN")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Satisfaction surveys", "name=\"enabled\"", "value=\"5\"");

    mvc.perform(post("/admin/surveys").with(user(admin).roles("ADMIN")).with(csrf()).param("scale", "5"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "Survey settings saved."));
    SurveySettings saved = settings.current();
    assertThat(saved.enabled()).as("an unticked box turns surveys off").isFalse();
    assertThat(saved.scale()).isEqualTo(5);
    assertThat(saved.updatedBy()).contains(admin);
    List<String> audited = jdbc.sql("SELECT summary FROM audit_entry WHERE action = 'survey.settings.changed' "
        + "AND actor LIKE :who").param("who", "%" + admin + "%").query(String.class).list();
    assertThat(audited).containsExactly("Surveys are off, on a scale of 1 to 5 (were on, scale 2)");

    assertThat(mvc.perform(get("/admin/surveys").with(user(admin).roles("ADMIN"))).andReturn().getResponse()
        .getContentAsString()).contains("Last changed by").containsPattern("value=\"5\"\\s+checked");
  }

  @Test
  void shouldShowAMessageAndChangeNothingForABadScale() throws Exception {
    String admin = "survey-admin-" + UUID.randomUUID() + "@example.com";
    SurveySettings before = settings.current();
    for (String bad : List.of("7", "lots", "")) {
      mvc.perform(post("/admin/surveys").with(user(admin).roles("ADMIN")).with(csrf()).param("enabled", "on")
              .param("scale", bad))
          .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem",
              org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.containsString("scale is 2"),
                  org.hamcrest.Matchers.containsString("not “lots”"),
                  org.hamcrest.Matchers.containsString("Choose a scale"))));
    }
    assertThat(settings.current()).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'survey.settings.changed' "
        + "AND actor LIKE :who").param("who", "%" + admin + "%").query(Long.class).single()).isZero();
  }

  @Test
  void shouldBeForAdminsOnly() throws Exception {
    mvc.perform(get("/admin/surveys").with(user("lead-" + UUID.randomUUID() + "@example.com").roles("LEAD")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/surveys").with(user("agent@example.com").roles("AGENT")).with(csrf())
        .param("scale", "5")).andExpect(status().isForbidden());
    assertThat(settings.current().scale()).isEqualTo(2);
  }
}
