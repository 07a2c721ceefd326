package dev.tact.survey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.tact.conversation.ConversationSummary;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.survey.SolvedConversations;
import dev.tact.survey.Survey;
import dev.tact.survey.SurveyProperties;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.TactTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public survey page limits each client address: past the limit it answers 429 with Retry-After and a readable
 * page, records nothing, and other addresses are not held up.
 */
@TactTest
class SurveyPageLimitsTests {

  @LocalServerPort
  int port;

  @Autowired
  MockMvc mvc;

  @Autowired
  ApplicationContext context;

  @Autowired
  ApiTokens tokens;

  @Autowired
  SurveyProperties properties;

  SolvedConversations solved;
  String suffix;

  @BeforeEach
  void setUp() {
    solved = new SolvedConversations(context, new JsonApi(port, tokens.issue("limits-" + UUID.randomUUID(),
        Role.ADMIN, null).secret()));
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldRefuseAnswersPastTheLimitWithAReadablePageAndRecordNothing() throws Exception {
    ConversationSummary c = solved.emailed("limit-" + suffix + "@example.org", "Limits " + suffix);
    Survey survey = solved.solve(c);
    assertThat(survey.sent()).as(survey.reason()).isTrue();
    String token = solved.tokenInOutbox(survey.id());
    String address = address();

    for (long i = 0; i < properties.answerBurst(); i++) {
      // answers without a score: refused as invalid (422), but they count against the limit
      assertThat(status(post("/survey/" + token).param("comment", "hm"), address)).isEqualTo(422);
    }
    MvcResult refused = send(post("/survey/" + token).param("score", "1").param("comment", "late"), address);
    assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isPositive();
    assertThat(refused.getResponse().getContentAsString()).contains("Please wait a moment", "nothing was recorded",
        "data-survey-state=\"limited\"");
    assertThat(status(post("/survey/" + token + "/stop"), address)).isEqualTo(429);
    assertThat(solved.latest(c.id()).answered()).as("the refused answer changed nothing").isFalse();

    // another address answers as usual
    MvcResult other = send(post("/survey/" + token).param("score", "2"), address());
    assertThat(other.getResponse().getStatus()).isEqualTo(200);
    assertThat(solved.latest(c.id()).score()).isEqualTo(2);
  }

  @Test
  void shouldRefuseOpeningThePagePastTheLimit() throws Exception {
    String address = address();
    for (long i = 0; i < properties.pageBurst(); i++) {
      assertThat(status(get("/survey/not-a-token-" + i), address)).isEqualTo(404);
    }
    MvcResult refused = send(get("/survey/not-a-token"), address);
    assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
    assertThat(refused.getResponse().getContentAsString()).contains("Please wait a moment")
        .doesNotContain("This survey link is not valid");
    assertThat(status(get("/survey/not-a-token"), address())).isEqualTo(404);
  }

  private static String address() {
    UUID random = UUID.randomUUID();
    return "10." + (random.hashCode() & 0xff) + "." + ((random.hashCode() >> 8) & 0xff) + "."
        + (1 + (int) (random.getLeastSignificantBits() & 0x7f));
  }

  private int status(MockHttpServletRequestBuilder request, String address) throws Exception {
    return send(request, address).getResponse().getStatus();
  }

  private MvcResult send(MockHttpServletRequestBuilder request, String address) throws Exception {
    return mvc.perform(request.accept("text/html").with(r -> {
      r.setRemoteAddr(address);
      return r;
    })).andReturn();
  }
}
