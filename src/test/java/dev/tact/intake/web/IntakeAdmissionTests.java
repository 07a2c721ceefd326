package dev.tact.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.intake.IntakeAdmissionProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IntakeAdmissionTests {

  /** As the application's mapper writes problems: their extension members at the top level. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final IntakeAdmission admission = new IntakeAdmission(
      new IntakeAdmissionProperties(2, Duration.ofMillis(50)), JSON, meters);
  private final List<String> reached = new ArrayList<>();

  @Test
  void shouldRefuseAPostBeyondTheLimitAtOnceWithRetryAfterAndProblemDetails() throws Exception {
    MockHttpServletResponse third = new MockHttpServletResponse();
    // Two posts in the chain at once (the second starts inside the first), the third finds no place.
    MockHttpServletResponse first = post("/api/v1/messages", "first", () ->
        post("/api/v1/messages/batch", "second", () -> {
          assertThat(admission.inFlight()).isEqualTo(2);
          admission.doFilter(request("/api/v1/messages"), third, (q, r) -> reached.add("third"));
        }));

    assertThat(reached).containsExactly("second", "first");
    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(third.getStatus()).isEqualTo(429);
    assertThat(third.getHeader("Retry-After")).isEqualTo("1");
    assertThat(third.getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(third.getContentAsByteArray());
    assertThat(problem.path("code").asString()).isEqualTo("intake-overloaded");
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(meters.get("tact.intake.refused").tag("reason", "in-flight").counter().count()).isEqualTo(1.0);

    assertThat(admission.inFlight()).as("places are given back").isZero();
    post("/api/v1/messages", "after", () -> {});
    assertThat(reached).endsWith("after");
  }

  @Test
  void shouldGiveThePlaceBackWhenTheChainFails() throws Exception {
    try {
      post("/api/v1/messages", "failing", () -> {
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      // the filter lets it through
    }
    assertThat(admission.inFlight()).isZero();
  }

  @Test
  void shouldLeaveOtherRequestsAlone() {
    assertThat(admission.shouldNotFilter(request("/api/v1/messages"))).isFalse();
    assertThat(admission.shouldNotFilter(request("/api/v1/messages/batch"))).isFalse();
    MockHttpServletRequest status = request("/api/v1/messages/123");
    assertThat(admission.shouldNotFilter(status)).isTrue();
    MockHttpServletRequest get = request("/api/v1/messages");
    get.setMethod("GET");
    assertThat(admission.shouldNotFilter(get)).isTrue();
  }

  interface Inside {
    void run() throws Exception;
  }

  private MockHttpServletResponse post(String path, String name, Inside inside) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    admission.doFilter(request(path), response, (q, r) -> {
      try {
        inside.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      reached.add(name);
    });
    return response;
  }

  private static MockHttpServletRequest request(String path) {
    return new MockHttpServletRequest("POST", path);
  }
}
