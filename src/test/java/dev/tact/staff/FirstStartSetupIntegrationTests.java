package dev.tact.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.MutableClock;
import dev.tact.testsupport.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A first start without the demo and without TACT_ADMIN_*: Tact prints a one-time setup link on the console, and
 * whoever opens it creates the first admin. The two tests run in order on one installation: first the link's
 * lifetime (one at a time, a new one only after expiry), then its use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:first-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.delivery.enabled=false"})
@Import(FirstStartSetupIntegrationTests.TestClock.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartSetupIntegrationTests {

  static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private static final Pattern SETUP_LINK = Pattern.compile("http://localhost:\\d+(/setup/[A-Za-z0-9_-]+)");

  /** The link the first test leaves working for the second. */
  static String link;

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return CLOCK;
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  SetupLinks setup;

  @Autowired
  StaffDirectory staff;

  @Test
  @Order(1)
  void shouldPrintOneSetupLinkAtATimeAndANewOneOnlyAfterItExpired(CapturedOutput console) throws Exception {
    Matcher printed = SETUP_LINK.matcher(console.getOut());
    assertThat(printed.find()).as(console.getOut()).isTrue();
    assertThat(printed.group()).startsWith("http://localhost:" + port + "/setup/");
    String first = printed.group(1);
    assertThat(printed.find()).as("printed once").isFalse();
    WebSession browser = new WebSession(port);
    assertThat(browser.get(first).body()).contains("Set up Tact").contains("Create admin");
    assertThat(setup.issueIfNone()).as("another node starting now makes none").isEmpty();

    CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
    WebSession.Page expired = browser.get(first);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("This setup link has expired").contains("Restart Tact");

    // two nodes restarting at once: one makes the new link
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<Optional<SetupLinks.Issued>>> made = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      made.add(nodes.submit(() -> {
        together.await();
        return setup.issueIfNone();
      }));
    }
    List<SetupLinks.Issued> issued = new ArrayList<>();
    for (Future<Optional<SetupLinks.Issued>> node : made) {
      node.get().ifPresent(issued::add);
    }
    nodes.shutdown();
    assertThat(issued).hasSize(1);
    link = java.net.URI.create(issued.getFirst().url()).getPath();
    assertThat(browser.get(link).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void shouldCreateTheFirstAdminOnceWithTheSetupLink() {
    WebSession browser = new WebSession(port);
    WebSession.Page weak = browser.submit(link, link, Map.of("email", "owner@first.test", "displayName", "Olga Owner",
        "password", "owner@first.test", "repeated", "owner@first.test"));
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.body()).contains("A password must not be your email address.").contains("Olga Owner");
    assertThat(browser.submit(link, link, Map.of("email", "not an address", "displayName", "Olga Owner",
        "password", "owner-pass-123", "repeated", "owner-pass-123")).body()).contains("is not an email address");
    assertThat(staff.hasActiveAdmin()).isFalse();

    WebSession.Page done = browser.submit(link, link, Map.of("email", "Owner@First.test", "displayName", "Olga Owner",
        "password", "owner-pass-123", "repeated", "owner-pass-123"));
    assertThat(done.redirectsTo("/login")).as(done.body()).isTrue();
    assertThat(browser.get("/login").body()).contains("Tact is set up.");

    assertThat(new WebSession(port).logIn("owner@first.test", "owner-pass-123")).isTrue();
    assertThat(staff.findAgentByEmail("owner@first.test").orElseThrow().role()).isEqualTo(Role.ADMIN);
    WebSession.Page again = new WebSession(port).get(link);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("was used already");
    assertThat(setup.issueIfNone()).isEmpty();
    assertThat(staff.agents()).hasSize(1);
  }
}
