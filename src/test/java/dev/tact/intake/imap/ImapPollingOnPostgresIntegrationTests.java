package dev.tact.intake.imap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The restart scenario of {@link ImapPollingIntegrationTests} on PostgreSQL. */
@RequiresPostgres
class ImapPollingOnPostgresIntegrationTests {

  static GreenMail greenMail;

  @BeforeAll
  static void start() {
    greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    greenMail.start();
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
  }

  @Test
  void shouldLogEachMessageExactlyOnceWhenTactIsRestartedBetweenPolls() {
    ImapRestartScenario.run(greenMail, PostgresTestDatabase.createMigrated());
  }
}
