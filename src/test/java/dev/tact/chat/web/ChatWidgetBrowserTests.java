package dev.tact.chat.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.HeadlessChromium;
import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresBrowser;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Done-when test of the chat widget: a customer's page (served by a small server of its own, another origin)
 * embeds the widget from node A; an agent is signed in on node B; both nodes share one PostgreSQL. Two browser
 * contexts in Chromium: the visitor writes, the agent sees the chat waiting, accepts it, sees the visitor typing and
 * replies, and the visitor sees the agent typing and the reply, live.
 */
@RequiresBrowser
@RequiresPostgres
class ChatWidgetBrowserTests {

  private static final Page.GetByRoleOptions START = new Page.GetByRoleOptions().setName("Start chat");

  @Test
  void visitorOnOneNodeChatsLiveWithAnAgentOnAnother() throws Exception {
    HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String url = PostgresTestDatabase.createMigrated();
    String site = "http://127.0.0.1:" + shop.getAddress().getPort();
    String[] args = {"--tact.chat.allowed-origins=" + site, "--tact.chat.accept-timeout=120s",
        "--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false"};
    HeadlessChromium chromium = HeadlessChromium.shared();
    try (TactNode a = TactNode.start(url, args); TactNode b = TactNode.start(url, args)) {
      String widget = "http://localhost:" + port(a) + "/chat/widget.js";
      byte[] page = ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Acme shop</title></head><body>"
          + "<h1>Acme shop</h1><p>Our products.</p>"
          + "<script src=\"" + widget + "\" data-title=\"Talk to Acme\" async></script></body></html>")
          .getBytes(StandardCharsets.UTF_8);
      shop.createContext("/", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
      });
      shop.start();
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String password = "agent-pass-" + suffix;
      b.bean(StaffDirectory.class).createAgent("ana-" + suffix + "@tact.test", "Ana Agent", Role.ADMIN, password);
      // Vera wrote before, by email: the agent sees that conversation beside the chat
      String email = "vera-" + suffix + "@example.org";
      b.bean(MessageIntake.class).submit(new MessageSubmission("email", email, "Vera Visitor", null, null,
          "Refund for order " + suffix, "Where is my refund?", null, null, null));
      await().atMost(Duration.ofSeconds(30)).until(() -> b.jdbc().sql(
          "SELECT COUNT(*) FROM conv_conversation WHERE subject = :subject").param("subject", "Refund for order " + suffix)
          .query(Long.class).single() == 1);

      BrowserContext visitorContext = chromium.browser().newContext();
      BrowserContext agentContext = chromium.browser().newContext(
          new Browser.NewContextOptions().setBaseURL("http://localhost:" + port(b)));
      Page visitor = visitorContext.newPage();
      Page agent = agentContext.newPage();

      // the visitor opens the widget on the shop's page and writes
      visitor.navigate(site + "/");
      visitor.locator(".launch").click();
      assertThat(visitor.locator(".title")).hasText("Talk to Acme");
      assertThat(visitor.locator(".availability")).hasText("We reply within minutes.");
      visitor.getByLabel("Your name").fill("Vera Visitor");
      visitor.getByLabel("Email").fill(email);
      String question = "My parcel " + suffix + " has not arrived";
      visitor.locator("form.start textarea").fill(question);
      visitor.getByRole(AriaRole.BUTTON, START).click();
      assertThat(visitor.locator(".line.visitor")).hasText(question);
      assertThat(visitor.locator(".presence")).hasText("Waiting for an agent…");

      // the agent, signed in on node B, sees the chat waiting and accepts it
      agent.navigate("/login");
      agent.getByLabel("Email").fill("ana-" + suffix + "@tact.test");
      agent.getByLabel("Password").fill(password);
      agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      agent.navigate("/chats");
      Locator row = agent.locator("#waiting-chats tr.waiting-chat", new Page.LocatorOptions().setHasText(question));
      assertThat(row).containsText("Vera Visitor");
      assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))).isEnabled();
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
      assertThat(agent).hasURL(Pattern.compile("/chats/[0-9a-f-]+$"));
      assertThat(agent.locator("#chat-lines")).containsText(question);
      assertThat(agent.locator("#visitor-presence")).hasText("visitor online");

      // the visitor learns that Ana took the chat
      assertThat(visitor.locator(".presence")).hasText("Ana Agent is online");
      assertThat(visitor.locator(".line.system")).containsText("Ana Agent joined the chat.");

      // typing shows on the other side, both ways
      visitor.locator("form.say textarea").pressSequentially("Is it", new Locator.PressSequentiallyOptions().setDelay(50));
      assertThat(agent.locator("#typing")).hasText("Vera Visitor is typing…");
      agent.locator("#chat-text").pressSequentially("Let me", new Locator.PressSequentiallyOptions().setDelay(50));
      assertThat(visitor.locator(".typing")).hasText("Ana Agent is typing…");

      // the agent replies on node B; the visitor's page, served by node A, shows it live
      agent.locator("#chat-text").fill("It left our warehouse today, " + suffix + ".");
      agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
      assertThat(visitor.locator(".line.agent")).containsText("It left our warehouse today, " + suffix + ".");
      assertThat(visitor.locator(".line.agent .who")).hasText("Ana Agent");
      assertThat(visitor.locator(".typing")).hasText("");

      // and the visitor's answer reaches the agent
      visitor.locator("form.say textarea").fill("Thank you!");
      visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
      assertThat(agent.locator("#chat-lines .chat-visitor").last()).containsText("Thank you!");
      assertThat(agent.locator("#customer-history")).containsText("Refund for order " + suffix);

      // the visitor moves to another page of the site: the chat goes on, from its first line
      visitor.reload();
      assertThat(visitor.locator(".line.visitor")).hasCount(2);
      assertThat(visitor.locator(".line.visitor").first()).hasText(question);
      assertThat(visitor.locator(".line.agent")).hasCount(1);
      assertThat(visitor.locator("form.say")).isVisible();

      visitorContext.close();
      agentContext.close();
    } finally {
      shop.stop(0);
    }
  }

  private static int port(TactNode node) {
    return Integer.parseInt(node.bean(org.springframework.core.env.Environment.class)
        .getProperty("local.server.port"));
  }
}
