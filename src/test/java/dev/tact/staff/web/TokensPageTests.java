package dev.tact.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.audit.AuditEntry;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.shared.PageRequest;
import dev.tact.staff.ApiScope;
import dev.tact.staff.ApiToken;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Admin → API tokens: a created token's secret is shown once after a redirect, so reloading never creates a second
 * token; revoking asks first. The same context as {@link MailboxesPageTests}.
 */
@TactTest
class TokensPageTests {

  static final String ADMIN_EMAIL = "token-admin@example.com";
  static final RequestPostProcessor ADMIN = user(ADMIN_EMAIL).roles("ADMIN");

  @Autowired
  MockMvc mvc;

  @Autowired
  ApiTokens tokens;

  @Autowired
  StaffDirectory staff;

  @Autowired
  AuditLog audit;

  @BeforeEach
  void adminAgent() {
    if (staff.findAgentByEmail(ADMIN_EMAIL).isEmpty()) {
      staff.createAgent(ADMIN_EMAIL, "Tina Tokens", Role.ADMIN, "a-long-password-1");
    }
  }

  @Test
  void shouldShowANewSecretOnceAfterARedirectSoThatReloadingCreatesNoSecondToken() throws Exception {
    String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
    int before = tokens.list().size();

    MvcResult created = mvc.perform(post("/admin/tokens").with(ADMIN).with(csrf()).param("name", name)
            .param("role", "AGENT").param("scopes", "intake").param("scopes", "read").param("limit", "custom")
            .param("perSecond", "5").param("burst", "10"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/tokens")).andReturn();
    String secret = (String) created.getFlashMap().get("issuedSecret");
    assertThat(secret).startsWith("tact_");

    // the flash map waits in the session (Spring Session's, in the database), found again by the session cookie
    String shown = mvc.perform(get("/admin/tokens").with(ADMIN).cookie(created.getResponse().getCookie("SESSION")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(shown).contains(secret).contains("shown only this once");
    String reloaded = mvc.perform(get("/admin/tokens").with(ADMIN)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(reloaded).doesNotContain(secret).contains(name);

    assertThat(tokens.list()).hasSize(before + 1);
    ApiToken token = tokens.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    assertThat(token.scopes()).containsExactlyInAnyOrder(ApiScope.INTAKE, ApiScope.READ);
    assertThat(token.rateLimit().perSecond()).isEqualTo(5);
    assertThat(token.createdBy()).isEqualTo("Tina Tokens <" + ADMIN_EMAIL + ">");
    AuditEntry entry = entries("token.created", token.id()).getFirst();
    assertThat(entry.actor().name()).isEqualTo(ADMIN_EMAIL);
    assertThat(entry.after()).doesNotContain(secret);
  }

  @Test
  void shouldAskBeforeRevokingAndRecordWhoRevoked() throws Exception {
    ApiToken token = tokens.issue("doomed-" + UUID.randomUUID(), Role.AGENT, null).token();

    String page = mvc.perform(get("/admin/tokens").param("revoke", token.id().toString()).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Revoke token <span>" + token.name() + "</span>?").contains("/admin/tokens/" + token.id() + "/revoke");
    assertThat(tokens.require(token.id()).revoked()).as("asking changes nothing").isFalse();

    mvc.perform(post("/admin/tokens/" + token.id() + "/revoke").with(ADMIN).with(csrf()))
        .andExpect(status().is3xxRedirection());

    ApiToken revoked = tokens.require(token.id());
    assertThat(revoked.revoked()).isTrue();
    assertThat(revoked.revokedBy()).isEqualTo("Tina Tokens <" + ADMIN_EMAIL + ">");
    assertThat(entries("token.revoked", token.id())).hasSize(1);
    assertThat(mvc.perform(get("/admin/tokens").with(ADMIN)).andReturn().getResponse().getContentAsString())
        .contains("revoked");
  }

  @Test
  void shouldShowAReadableProblemAndCreateNothingWhenTheFormIsWrong() throws Exception {
    int before = tokens.list().size();
    String page = mvc.perform(post("/admin/tokens").with(ADMIN).with(csrf()).param("name", "kept-name")
            .param("role", "AGENT").param("scopes", "admin"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(page).contains("Only a token of the admin role may have the admin scope").contains("kept-name");
    assertThat(tokens.list()).hasSize(before);
  }

  List<AuditEntry> entries(String action, UUID target) {
    return audit.search(new AuditQuery(action, null, target.toString(), null, null, null), new PageRequest(0, 10))
        .items();
  }
}
