package dev.tact.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo prints each agent's login once, every agent with a password of their own: no agent can sign in as another. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-logins;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.routing.enabled=false", "tact.delivery.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class DemoLoginsIntegrationTests {

  private static final Pattern LOGIN = Pattern.compile("(?m)^\\s+([a-z.]+@tact\\.local)\\s+(\\S+)$");

  @LocalServerPort
  int port;

  @Test
  void shouldGiveEveryDemoAgentAPasswordOfTheirOwn(CapturedOutput console) {
    Map<String, String> logins = new LinkedHashMap<>();
    Matcher line = LOGIN.matcher(console.getOut());
    while (line.find()) {
      logins.put(line.group(1), line.group(2));
    }

    assertThat(logins).containsOnlyKeys(DemoWorkspace.ADMIN_EMAIL, "lena.lead@tact.local", "sam.support@tact.local",
        "priya.tech@tact.local", "bo.billing@tact.local");
    assertThat(logins.values()).doesNotHaveDuplicates();
    assertThat(new WebSession(port).logIn("sam.support@tact.local", logins.get("sam.support@tact.local"))).isTrue();
    assertThat(new WebSession(port).logIn("lena.lead@tact.local", logins.get("sam.support@tact.local")))
        .as("an agent's password does not open the lead's account").isFalse();
  }
}
