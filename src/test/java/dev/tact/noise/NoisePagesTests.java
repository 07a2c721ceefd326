package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.shared.PageRequest;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.PipelineStoppedTest;
import java.time.Clock;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The conversation page lists its reports and splits one out; the admin page releases a held group. */
@PipelineStoppedTest
class NoisePagesTests {

  static final RequestPostProcessor ADMIN = user("admin@example.com").roles("ADMIN");
  static final RequestPostProcessor AGENT = user("agent@example.com").roles("AGENT");
  static final String PITCH = "We are a leading provider of cloud based procurement software and would love to show "
      + "you how companies like yours cut purchasing costs by thirty percent within the first quarter of use.";

  @Autowired
  MockMvc mvc;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  IdentityParser identities;

  @Autowired
  ContactManagement contacts;

  @Autowired
  NoiseControl noise;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  MailBombs mailBombs;

  @Autowired
  Clock clock;

  @Autowired
  FreeMailDomains freeMail;

  @Autowired
  AuditLog auditLog;

  Inbox inbox;

  @Autowired
  StaffDirectory staff;

  @BeforeEach
  void inbox() {
    inbox = new Inbox(new TransactionTemplate(transactionManager), identities, contacts, noise, conversations);
    if (staff.findAgentByEmail("agent@example.com").isEmpty()) {
      staff.createAgent("agent@example.com", "Agnes Agent", Role.AGENT, "Long-enough-pass-1");
      staff.createAgent("admin@example.com", "Ada Admin", Role.ADMIN, "Long-enough-pass-1");
    }
  }

  @Test
  void shouldShowWhoReportedAConversationAndSplitAReportOutOfIt() throws Exception {
    String vendor = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
    UUID conversation = inbox.receive(vendor, "Save 30%", "Dear CEO, " + PITCH, clock.instant()).conversationId();
    Inbox.Filed copy = inbox.receive(vendor, "Save 30%", "Dear purchasing, " + PITCH, clock.instant());
    assertThat(copy.decision().outcome()).isEqualTo(NoiseDecision.Outcome.DUPLICATE);
    long number = conversations.requireDetails(conversation).conversation().number();

    String page = mvc.perform(get("/conversations/" + number).with(AGENT)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();

    assertThat(page).contains("Reported by 2").contains("Split out");
    String location = mvc.perform(post("/conversations/" + number + "/reports/" + copy.decision().reportId()
            + "/split").with(AGENT).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse()
        .getRedirectedUrl();
    assertThat(location).startsWith("/conversations/").isNotEqualTo("/conversations/" + number);
    String after = mvc.perform(get("/conversations/" + number).with(AGENT)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(after).contains("Reported by 1").contains("split out by Agnes Agent");
  }

  @Test
  void shouldBadgeAnInboxRowReportedSeveralTimesAndCountReportsInTheApi() throws Exception {
    String vendor = "vic-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
    UUID reported = inbox.receive(vendor, "Cut costs", "Dear CEO, " + PITCH, clock.instant()).conversationId();
    for (String greeting : new String[] {"Dear CFO, ", "Dear purchasing, "}) {
      assertThat(inbox.receive(vendor, "Cut costs", greeting + PITCH, clock.instant()).decision().outcome())
          .isEqualTo(NoiseDecision.Outcome.DUPLICATE);
    }
    String customer = "cleo-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    UUID normal = inbox.receive(customer, "Invoice question", "Why was I charged twice " + UUID.randomUUID(),
        clock.instant()).conversationId();
    long reportedNumber = conversations.requireDetails(reported).conversation().number();
    long normalNumber = conversations.requireDetails(normal).conversation().number();

    Document page = Jsoup.parse(mvc.perform(get("/").with(AGENT)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString());

    assertThat(rowOf(page, reportedNumber).select(".badge.reports").text()).isEqualTo("reported by 3");
    assertThat(rowOf(page, normalNumber).select(".badge.reports")).isEmpty();

    String json = mvc.perform(get("/api/v1/conversations").with(AGENT)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    var items = new tools.jackson.databind.ObjectMapper().readTree(json).path("items");
    var reportedItem = item(items, reportedNumber);
    assertThat(reportedItem.path("reportCount").asInt()).isEqualTo(3);
    assertThat(reportedItem.path("subject").asString()).isEqualTo("Cut costs");
    assertThat(reportedItem.path("id").asString()).isEqualTo(reported.toString());
    assertThat(item(items, normalNumber).path("reportCount").asInt()).isEqualTo(1);
  }

  private static Element rowOf(Document page, long number) {
    Element link = page.selectFirst("#inbox a[href='/conversations/" + number + "']");
    assertThat(link).as("inbox row of #" + number).isNotNull();
    return link.closest("tr");
  }

  private static tools.jackson.databind.JsonNode item(tools.jackson.databind.JsonNode items, long number) {
    for (var item : items) {
      if (item.path("number").asLong() == number) {
        return item;
      }
    }
    throw new AssertionError("no item #" + number + " in " + items);
  }

  @Test
  void shouldReleaseAHeldGroupFromTheAdminPageAndKeepItFromAgents() throws Exception {
    String bomber = "bomb@" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    inbox.receive(bomber, "One", "First distinct message " + UUID.randomUUID(), clock.instant());
    Inbox.Filed held = inbox.receive(bomber, "Two", "Second distinct message " + UUID.randomUUID(), clock.instant());
    assertThat(held.decision().outcome()).isEqualTo(NoiseDecision.Outcome.HELD);

    String page = mvc.perform(get("/admin/noise").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("sender:" + bomber).contains("Release");
    mvc.perform(get("/admin/noise").with(AGENT)).andExpect(status().isForbidden());

    mvc.perform(post("/admin/noise/held/" + held.decision().heldGroupId() + "/release").with(ADMIN).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(mailBombs.requireGroup(held.decision().heldGroupId()).status()).isEqualTo(HeldGroup.Status.RELEASED);
    String second = mvc.perform(post("/admin/noise/held/" + held.decision().heldGroupId() + "/discard").with(ADMIN)
        .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem").toString();
    assertThat(second).contains("already released");
  }

  @Test
  void shouldAddAndRemoveAFreeMailProviderOnTheAdminPageWithEachEditAudited() throws Exception {
    String domain = "free-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    mvc.perform(post("/admin/noise/free-mail/add").with(ADMIN).with(csrf()).param("domain", " " + domain.toUpperCase()))
        .andExpect(status().is3xxRedirection());

    assertThat(freeMail.isFreeMail(domain)).isTrue();
    Document page = Jsoup.parse(mvc.perform(get("/admin/noise").param("freeMailQuery", domain).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(page.select("#free-mail").text()).contains(domain).contains("added").contains("Ada Admin");
    mvc.perform(post("/admin/noise/free-mail/remove").with(AGENT).with(csrf()).param("domain", domain))
        .andExpect(status().isForbidden());
    assertThat(freeMail.isFreeMail(domain)).isTrue();

    mvc.perform(post("/admin/noise/free-mail/remove").with(ADMIN).with(csrf()).param("domain", domain))
        .andExpect(status().is3xxRedirection());

    assertThat(freeMail.isFreeMail(domain)).isFalse();
    assertThat(auditLog.search(new AuditQuery("noise.free-mail.", null, domain, null, null, null),
        new PageRequest(0, 10)).items()).extracting(e -> e.action() + " by " + e.actor().name())
        .containsExactly("noise.free-mail.removed by admin@example.com", "noise.free-mail.added by admin@example.com");
    Object problem = mvc.perform(post("/admin/noise/free-mail/add").with(ADMIN).with(csrf()).param("domain", "no"))
        .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem");
    assertThat(problem).asString().contains("not a domain name");
  }

  @Test
  void shouldNotHoldACustomerWhoseFirstConversationIsOlderThanTheWindow() {
    String customer = "kim@" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    inbox.receive(customer, "Last month", "An older question " + UUID.randomUUID(),
        clock.instant().minus(java.time.Duration.ofHours(2)));

    for (int i = 0; i < 3; i++) {
      assertThat(inbox.receive(customer, "Now " + i, "A new question " + UUID.randomUUID(), clock.instant())
          .decision().outcome()).isEqualTo(NoiseDecision.Outcome.NEW);
    }
  }

  @Test
  void shouldRefuseBadLimitsFromTheAdminPageWithAReadableMessage() throws Exception {
    RateLimitsSnapshot before = RateLimitsSnapshot.of(mailBombs.limitsFor(null));
    Object problem = mvc.perform(post("/admin/noise/limits").with(ADMIN).with(csrf()).param("perSender", "0")
            .param("perDomain", "10").param("windowMinutes", "60")).andExpect(status().is3xxRedirection()).andReturn()
        .getFlashMap().get("problem");
    assertThat(problem).asString().contains("perSender");
    assertThat(RateLimitsSnapshot.of(mailBombs.limitsFor(null))).isEqualTo(before);
  }

  record RateLimitsSnapshot(int perSender, int perDomain, long seconds) {
    static RateLimitsSnapshot of(RateLimits limits) {
      return new RateLimitsSnapshot(limits.perSender(), limits.perDomain(), limits.window().toSeconds());
    }
  }
}
