package dev.tact.intake.imap;

import static dev.tact.intake.imap.MailFixtures.append;
import static dev.tact.intake.imap.MailFixtures.loggedPerMessageId;
import static dev.tact.intake.imap.MailFixtures.mailboxRequest;
import static dev.tact.intake.imap.MailFixtures.rawMail;
import static dev.tact.intake.imap.MailFixtures.seenOnServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Mail polled on schedule by one Tact, which is then stopped while more mail arrives, and polled
 * by a new Tact on the same database: every message must be logged exactly once, flagged \Seen on
 * the server only once it is in the log, and filed as exactly one conversation message. Run on
 * each database Tact supports.
 */
final class ImapRestartScenario {

  private ImapRestartScenario() {}

  static void run(GreenMail greenMail, String databaseUrl) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String password = "imap-secret-" + suffix;
    GreenMailUser user = greenMail.setUser("restart-" + suffix + "@example.com", "restart-" + suffix, password);
    String address = "help-" + suffix + "@example.com";
    int imapPort = greenMail.getImap().getPort();
    List<String> ids = IntStream.rangeClosed(1, 9).mapToObj(i -> "restart-" + i + "-" + suffix + "@example.net")
        .toList();
    List<String> violations = new ArrayList<>();

    ids.subList(0, 3).forEach(id -> append(greenMail, user, "INBOX", rawMail(id, address, "before start")));
    try (TactNode node = TactNode.start(databaseUrl, "--tact.intake.imap.tick=200ms")) {
      JsonApi.Answer created = node.post("/api/v1/admin/mailboxes",
          mailboxRequest(address, imapPort, user.getLogin(), password));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      assertThat(created.raw()).doesNotContain(password).doesNotContain("imapPassword");
      assertThat(created.body().path("passwordSet").asBoolean()).isTrue();

      ids.subList(3, 5).forEach(id -> append(greenMail, user, "INBOX", rawMail(id, address, "while running")));
      awaitAllLoggedAndSeen(greenMail, user, node, ids.subList(0, 5), violations);
    }

    ids.subList(5, 9).forEach(id -> append(greenMail, user, "INBOX", rawMail(id, address, "while stopped")));
    try (TactNode node = TactNode.start(databaseUrl, "--tact.intake.imap.tick=200ms")) {
      awaitAllLoggedAndSeen(greenMail, user, node, ids, violations);
      Map<String, Long> logged = loggedPerMessageId(node.jdbc());
      for (String id : ids) {
        assertThat(logged.get("<" + id + ">")).as("items logged for " + id).isEqualTo(1L);
      }
      // the UID is recorded just after the flag: wait for it rather than race it
      await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/api/v1/admin/mailboxes").body().get(0)
          .path("lastUid").asLong() == 9);
      assertThat(node.get("/api/v1/admin/mailboxes").body().get(0).path("lastError").isNull()).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> node.jdbc()
          .sql("SELECT COUNT(*) FROM intake_item WHERE state = 'PENDING'").query(Long.class).single() == 0);
      for (String id : ids) {
        assertThat(node.jdbc().sql("SELECT COUNT(*) FROM conv_message WHERE channel = 'EMAIL' AND external_id = :id")
            .param("id", id).query(Long.class).single()).as("conversation messages for " + id).isEqualTo(1L);
      }
    }
    assertThat(violations).as("messages \\Seen on the server before they were in the log").isEmpty();
  }

  /**
   * Waits until every message is logged and \Seen; on each look, reads the server first and the
   * log second, so a message flagged \Seen before its commit shows up as a violation.
   */
  private static void awaitAllLoggedAndSeen(GreenMail greenMail, GreenMailUser user, TactNode node,
      List<String> ids, List<String> violations) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
      Map<String, Boolean> server = seenOnServer(greenMail, user, "INBOX");
      Map<String, Long> logged = loggedPerMessageId(node.jdbc());
      server.forEach((id, seen) -> {
        if (seen && !logged.containsKey(id)) {
          violations.add(id);
        }
      });
      return ids.stream().allMatch(id -> logged.containsKey("<" + id + ">")
          && Boolean.TRUE.equals(server.get("<" + id + ">")));
    });
  }
}
