package dev.tact.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.intake.Mailbox;
import dev.tact.intake.Mailboxes;
import dev.tact.testsupport.TactTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The admin page for mailboxes: add, edit without retyping the password, readable errors, admins only. */
@TactTest
class MailboxesPageTests {

  static final RequestPostProcessor ADMIN = user("admin@example.com").roles("ADMIN");

  @Autowired
  MockMvc mvc;

  @Autowired
  Mailboxes mailboxes;

  @Test
  void shouldAddAMailboxAndNeverShowItsPasswordBack() throws Exception {
    String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mvc.perform(post("/admin/mailboxes").with(ADMIN).with(csrf()).param("name", "Front desk")
            .param("address", address).param("imapEnabled", "true").param("imapHost", "imap.example.com")
            .param("imapSecurity", "STARTTLS").param("imapUsername", address).param("imapPassword", "Very-Secret-1")
            .param("imapFolder", "INBOX").param("afterFetch", "MARK_SEEN").param("pollIntervalSeconds", "30"))
        .andExpect(status().is3xxRedirection());

    Mailbox created = mailboxes.findByAddress(address).orElseThrow();
    assertThat(created.passwordSet()).isTrue();
    assertThat(created.imapPort()).isEqualTo(143);
    String list = mvc.perform(get("/admin/mailboxes").with(ADMIN)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(list).contains(address).contains("Front desk").doesNotContain("Very-Secret-1");
    String edit = mvc.perform(get("/admin/mailboxes").param("edit", created.id().toString()).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(edit).contains("leave blank to keep").doesNotContain("Very-Secret-1");

    mvc.perform(post("/admin/mailboxes/" + created.id()).with(ADMIN).with(csrf()).param("name", "Front desk 2")
            .param("address", address).param("imapEnabled", "true").param("imapHost", "imap.example.com")
            .param("imapSecurity", "STARTTLS").param("imapUsername", address).param("imapPassword", "")
            .param("afterFetch", "MARK_SEEN").param("pollIntervalSeconds", "30"))
        .andExpect(status().is3xxRedirection());
    Mailbox updated = mailboxes.require(created.id());
    assertThat(updated.name()).isEqualTo("Front desk 2");
    assertThat(updated.passwordSet()).isTrue();
  }

  @Test
  void shouldShowAReadableProblemAndKeepTheEnteredValuesWhenInputIsInvalid() throws Exception {
    int before = mailboxes.list().size();
    String page = mvc.perform(post("/admin/mailboxes").with(ADMIN).with(csrf()).param("name", "Kept name")
            .param("address", "not an address").param("imapPassword", "Should-Not-Echo"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("is not an email address").contains("Kept name").doesNotContain("Should-Not-Echo");
    assertThat(mailboxes.list()).hasSize(before);
  }

  @Test
  void shouldKeepTheMailboxPageFromAgents() throws Exception {
    mvc.perform(get("/admin/mailboxes").with(SecurityMockMvcRequestPostProcessors.user("a@example.com")
        .roles("AGENT"))).andExpect(status().isForbidden());
  }
}
