package dev.tact.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditFilter;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.PageRequest;
import dev.tact.testsupport.TactTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Admin → Audit log: the table with filters and before/after, exports, and admins only. */
@TactTest
class AuditLogPageTests {

  static final RequestPostProcessor ADMIN = user("auditor@example.com").roles("ADMIN");

  @Autowired
  MockMvc mvc;

  @Autowired
  AuditLog audit;

  @Test
  void shouldListFilteredEntriesNewestFirstWithBeforeAndAfterOnDemand() throws Exception {
    String target = UUID.randomUUID().toString();
    audit.record(AuditRecord.of("test.page.first", "thing", target, "First <b>change</b>")
        .change(Map.of("colour", "red"), Map.of("colour", "blue")).by(new AuditActor(AuditActor.Kind.AGENT, "ada@x")));
    audit.record(AuditRecord.of("test.page.second", "thing", target, "Second change"));
    audit.record(AuditRecord.of("test.page.first", "thing", UUID.randomUUID(), "Someone else's"));

    String page = mvc.perform(get("/admin/audit").param("action", "test.page.").param("target", target).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(page).contains("2 entries").doesNotContain("Someone else's");
    assertThat(page.indexOf("Second change")).isLessThan(page.indexOf("First &lt;b&gt;change&lt;/b&gt;"));
    assertThat(page).contains("<details>").contains("&quot;colour&quot; : &quot;red&quot;")
        .contains("&quot;colour&quot; : &quot;blue&quot;");
    assertThat(page).contains("test.page.* (all)").contains("ada@x");
    assertThat(page).contains("/admin/audit/export?action=test.page.&amp;target=" + target + "&amp;format=csv");
  }

  @Test
  void shouldDownloadTheFilteredEntriesAndRecordTheExport() throws Exception {
    String target = UUID.randomUUID().toString();
    audit.record(AuditRecord.of("test.export.done", "thing", target, "=cmd|' /C calc'!A0, with a \"quote\""));

    var response = mvc.perform(get("/admin/audit/export").param("format", "csv").param("target", target).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse();

    assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"audit-log.csv\"");
    String csv = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.split("\r\n")).hasSize(2);
    assertThat(csv).contains(",\"'=cmd|' /C calc'!A0, with a \"\"quote\"\"\",");
    var exports = audit.search(new AuditFilter("audit.exported", "auditor@example.com", null, target, null, null)
        .toQuery(java.time.ZoneOffset.UTC), new PageRequest(0, 5)).items();
    assertThat(exports).hasSize(1);
    assertThat(exports.getFirst().after()).contains("\"target\":\"" + target + "\"").contains("\"entries\":1");
  }

  @Test
  void shouldShowAReadableProblemForABadDateAndKeepThePageFromAgents() throws Exception {
    String page = mvc.perform(get("/admin/audit").param("from", "last tuesday").with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("from must be a date");

    mvc.perform(get("/admin/audit").with(user("agent@example.com").roles("AGENT"))).andExpect(status().isForbidden());
    mvc.perform(get("/admin/audit/export").with(user("agent@example.com").roles("AGENT")))
        .andExpect(status().isForbidden());
  }

  @Test
  void shouldOfferEveryPrefixOfTheRecordedActions() {
    assertThat(AuditLogController.actionChoices(List.of("routing.rule.created", "token.revoked")))
        .extracting(AuditLogController.ActionChoice::value)
        .containsExactly("routing.", "routing.rule.", "token.", "routing.rule.created", "token.revoked");
    assertThat(audit.search(AuditQuery.ALL, new PageRequest(0, 1)).total()).isPositive();
  }
}
