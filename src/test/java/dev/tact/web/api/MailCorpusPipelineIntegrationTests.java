package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every email of the shared corpora (real mail, much of it malformed on purpose) through the
 * real intake: each must end understood (filed, or a recognised redelivery or suppression) or
 * parked because it cannot be read or names no sender at all, never stuck and never failing for
 * another reason. A mail whose header block names a sender address must be understood.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-corpus;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.intake.pipeline.max-attempts=1"})
class MailCorpusPipelineIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Test
  void shouldUnderstandOrParkEveryCorpusMail() throws IOException {
    ApiClient admin = new ApiClient(port, tokens.issue("corpus", Role.ADMIN, null).secret());
    List<Path> mails = Corpora.allMails();
    assertThat(mails).hasSizeGreaterThan(80);

    Map<String, List<String>> outcomes = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    for (Path mail : mails) {
      ApiClient.Response ack = admin.postBytes("/api/v1/mail", Files.readAllBytes(mail), "message/rfc822");
      if (ack.status() != 202) {
        unexpected.add(mail + ": HTTP " + ack.status() + " " + ack.raw());
        continue;
      }
      JsonNode item = admin.awaitProcessed(ack.body());
      String state = item.path("state").asString();
      outcomes.computeIfAbsent(state, s -> new ArrayList<>()).add(mail.getFileName().toString());
      String error = item.path("error").asString();
      if (state.equals("parked") && !error.contains("cannot be parsed")
          && !(error.contains("names no sender") && !namesASender(mail))) {
        unexpected.add(mail + ": parked for another reason: " + error);
      }
    }

    System.out.printf("Corpus mails through the pipeline: %d; %s%n", mails.size(),
        outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
    assertThat(unexpected).isEmpty();
    assertThat(outcomes.keySet()).isSubsetOf("done", "duplicate", "suppressed", "parked");
    int understood = mails.size() - outcomes.getOrDefault("parked", List.of()).size();
    assertThat(understood).as("mails understood, parked: " + outcomes.get("parked"))
        .isGreaterThanOrEqualTo(mails.size() * 2 / 3);
  }

  /** Whether the top-level header block has a From, Sender or Reply-To field with an address in it. */
  private static boolean namesASender(Path mail) throws IOException {
    String text = new String(Files.readAllBytes(mail), java.nio.charset.StandardCharsets.ISO_8859_1);
    String[] blocks = text.split("\\r?\\n\\r?\\n", 2);
    return java.util.regex.Pattern.compile("^(from|sender|reply-to):[^\\n]*@", java.util.regex.Pattern.CASE_INSENSITIVE
        | java.util.regex.Pattern.MULTILINE).matcher(blocks[0]).find();
  }

}
