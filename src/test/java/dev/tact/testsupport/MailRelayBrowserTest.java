package dev.tact.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A browser test whose Tact sends its mail to the JVM's {@link StaffMailbox} (GreenMail), unpaced. Every such test
 * class runs on this one application context and database (each Spring context costs seconds to start), so its
 * tests make their own data (unique addresses, slugs, subjects) and look only at that. The web form settings are
 * the web form test's: a light proof of work and a short minimum time to submit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=" + BrowserPageTest.ADMIN_PASSWORD, "tact.delivery.pacing.enabled=false",
    "tact.webform.proof-of-work-bits=10", "tact.webform.min-time-to-submit=1s",
    "spring.datasource.url=jdbc:h2:mem:mail-relay-ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
public abstract class MailRelayBrowserTest extends BrowserPageTest {

  @DynamicPropertySource
  static void mailRelay(DynamicPropertyRegistry registry) {
    registry.add("tact.delivery.smtp.host", () -> "127.0.0.1");
    registry.add("tact.delivery.smtp.port", StaffMailbox::port);
    registry.add("tact.delivery.smtp.security", () -> "NONE");
  }
}
