package dev.tact.noise;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL take copies of one pitch at once: still one conversation. */
@RequiresPostgres
class CopiesAtOnceOnPostgresIntegrationTests {

  @Test
  void shouldOpenOneConversationWhenTwoNodesTakeTheCopiesAtOnce() {
    String url = PostgresTestDatabase.create();
    try (TactNode first = TactNode.start(url, "--tact.mail.staff-domains=acme.example",
        "--tact.intake.pipeline.workers=4", "--tact.routing.enabled=false");
        TactNode second = TactNode.start(url, "--tact.mail.staff-domains=acme.example",
            "--tact.intake.pipeline.workers=4", "--tact.routing.enabled=false")) {
      CopiesAtOnceIntegrationTests.assertOneConversation(List.of(first, second));
    }
  }
}
