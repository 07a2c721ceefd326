package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import dev.tact.testsupport.WebSession;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API does with requests that are too big, too many or not what it reads, over real HTTP: bodies past
 * their limit are refused before they are read (by their Content-Length) or cut off while they are read (chunked),
 * so a client streaming hundreds of megabytes gets its 413 after a few and the server holds none of them; raw mail
 * uploads beyond the cap at once get 429. Same settings as {@link ApiOnH2IntegrationTests}, so one context serves
 * both.
 */
@TactTest
class RequestLimitsIntegrationTests {

  /** What a careless or hostile client sends; never held anywhere, made up as it goes out. */
  static final long HUGE = 300L * 1024 * 1024;
  /** Far past every JSON limit, and far below what was sent: the limit plus what socket buffers hold. */
  static final long FEW_MEGABYTES = 32L * 1024 * 1024;

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  MeterRegistry meters;

  @Autowired
  StaffDirectory staff;

  String token;

  @BeforeEach
  void adminToken() {
    token = tokens.issue("limits-" + UUID.randomUUID(), Role.ADMIN, null).secret();
  }

  @Test
  void shouldRefuseAMessageWhoseContentLengthIsOverTheLimitBeforeReadingIt() throws Exception {
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/api/v1/messages", token, "application/json",
        bytes("{\"channel\":\"sms\",\"sender\":\"+12045550199\",\"text\":\""), (byte) 'x', HUGE, true, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertProblem(answer, 413, "request-too-large");
      assertThat(answer.sentWhenAnswered()).isLessThan(FEW_MEGABYTES);
      assertThat(upload.bytesSentInAll()).isLessThan(FEW_MEGABYTES);
      assertThat(upload.cutOffByServer()).isTrue();
    }
  }

  @Test
  void shouldCutOffAChunkedJsonBodyAsSoonAsItPassesTheLimit() throws Exception {
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/api/v1/policy/decisions/batch", token,
        "application/json", bytes("{\"requests\":["), (byte) ' ', HUGE, false, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertProblem(answer, 413, "request-too-large");
      assertThat(answer.sentWhenAnswered()).isLessThan(FEW_MEGABYTES);
      assertThat(upload.bytesSentInAll()).isLessThan(FEW_MEGABYTES);
      assertThat(upload.cutOffByServer()).isTrue();
    }
  }

  @Test
  void shouldRefuseARawMailWhoseContentLengthIsOverTheLimitBeforeReadingIt() throws Exception {
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/api/v1/mail", token, "message/rfc822",
        bytes("From: big@example.com\r\nSubject: big\r\n\r\n"), (byte) 'x', HUGE, true, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertProblem(answer, 413, "mail-too-large");
      assertThat(answer.sentWhenAnswered()).isLessThan(FEW_MEGABYTES);
      assertThat(upload.bytesSentInAll()).isLessThan(FEW_MEGABYTES);
    }
  }

  @Test
  void shouldRefuseAFormPostWhoseContentLengthIsOverTheFormLimitBeforeReadingIt() throws Exception {
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/login", null, "application/x-www-form-urlencoded",
        bytes("username=ana%40example.com&password="), (byte) 'x', HUGE, true, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.sentWhenAnswered()).isLessThan(FEW_MEGABYTES);
      assertThat(upload.bytesSentInAll()).isLessThan(FEW_MEGABYTES);
    }
  }

  @Test
  void shouldRefuseALargeMultipartBodyToAnUploadPageWithoutASignedInLead() throws Exception {
    // Tomcat would parse it to temporary files for the CSRF check, before the sign-in is looked at
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/contacts/import", null,
        "multipart/form-data; boundary=x", bytes("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"),
        (byte) 'x', HUGE, true, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(upload.bytesSentInAll()).isLessThan(FEW_MEGABYTES);
    }
  }

  @Test
  void shouldRefuseAChunkedMultipartBodyOutsideTheUploadPages() throws Exception {
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/unsubscribe/anything", null,
        "multipart/form-data; boundary=x", bytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"),
        (byte) 'x', HUGE, false, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertThat(answer.status()).isEqualTo(411);
      assertThat(upload.bytesSentInAll()).isLessThan(FEW_MEGABYTES);
    }
  }

  @Test
  void shouldRefuseAMultipartBodyOverTheSmallLimitOutsideTheUploadPages() throws Exception {
    try (RawHttpUpload upload = RawHttpUpload.start(port, "/unsubscribe/anything", null,
        "multipart/form-data; boundary=x", bytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"),
        (byte) 'x', 2L * 1024 * 1024, true, -1)) {
      RawHttpUpload.Answer answer = upload.answer();

      assertThat(answer.status()).isEqualTo(413);
    }
  }

  @Test
  void shouldTakeALargeCsvUploadFromASignedInLeadOnTheImportPage() {
    String email = "upload-" + UUID.randomUUID().toString().substring(0, 8) + "@staff.test";
    staff.createAgent(email, "Ula Upload", Role.LEAD, "a-long-password-1");
    WebSession session = new WebSession(port);
    assertThat(session.logIn(email, "a-long-password-1")).isTrue();
    // past the form limit (2MB) and the small multipart one; a column the import does not know fills the file, so
    // that its size, not thousands of contacts, is what the test is about
    StringBuilder csv = new StringBuilder("name,email,plan,notes\n");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String notes = "notes kept elsewhere ".repeat(50);
    for (int i = 0; csv.length() < 3 * 1024 * 1024; i++) {
      csv.append("Customer ").append(i).append(",c").append(i).append('-').append(run).append("@example.com,")
          .append("gold plan,").append(notes).append('\n');
    }

    WebSession.Page answer = session.upload("/contacts", "/contacts/import", "file", "contacts.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(session.get("/contacts").body()).contains("Imported ");
  }

  @Test
  void shouldAnswer429WithRetryAfterToMoreMailUploadsAtOnceThanTheCap() throws Exception {
    byte[] mail = bytes("From: ana@example.com\r\nTo: support@acme.example\r\nSubject: Upload\r\nMessage-ID: <"
        + UUID.randomUUID() + "@example.com>\r\n\r\n" + "A slow upload. ".repeat(200) + "\r\n");
    List<RawHttpUpload> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        byte[] own = bytes(new String(mail, StandardCharsets.US_ASCII).replace("A slow", "Slow upload " + i + ","));
        slow.add(RawHttpUpload.start(port, "/api/v1/mail", token, "message/rfc822", own, (byte) '.', own.length,
            true, 100));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> uploadsInProgress() == 8);

      try (RawHttpUpload ninth = RawHttpUpload.start(port, "/api/v1/mail", token, "message/rfc822", mail,
          (byte) '.', mail.length, true, -1)) {
        RawHttpUpload.Answer refused = ninth.answer();
        assertProblem(refused, 429, "too-many-uploads");
        assertThat(refused.header("Retry-After")).isNotBlank();
      }

      for (RawHttpUpload upload : slow) {
        upload.finish();
      }
      for (RawHttpUpload upload : slow) {
        RawHttpUpload.Answer accepted = upload.answer();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      }
    } finally {
      for (RawHttpUpload upload : slow) {
        upload.close();
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> uploadsInProgress() == 0);
  }

  private double uploadsInProgress() {
    Gauge gauge = meters.find("tact.intake.mail.uploads").gauge();
    return gauge == null ? -1 : gauge.value();
  }

  @Test
  void shouldAnswerAnUnsupportedMediaTypeWithProblemDetails() {
    ApiClient.Response answer = new ApiClient(port, token).postBytes("/api/v1/messages",
        bytes("channel=sms&text=hello"), "text/plain");

    assertThat(answer.status()).as(answer.raw()).isEqualTo(415);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("code").asString()).isEqualTo("unsupported-media-type");
  }

  @Test
  void shouldAnswerOversizedRequestHeadersWithProblemDetails() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(bytes("GET /api/v1/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + token + "\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\n\r\n"));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 4");
      assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
      JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.path("code").asString()).isEqualTo("request-header-too-large");
      assertThat(problem.path("status").asInt()).isEqualTo(Integer.parseInt(answer.substring(9, 12)));
    }
  }

  @Test
  void shouldAnswerAPathThatIsNotUtf8WithProblemDetails() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(bytes("GET /api/v1/conversations/%FF%FE HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n"));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
      JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("code").asString()).isEqualTo("bad-request");
    }
  }

  @Test
  void shouldWriteTheBodyOf401And403InUtf8() {
    ApiClient.Response unauthenticated = new ApiClient(port, null).get("/api/v1/conversations");
    ApiClient.Response forbidden = new ApiClient(port, tokens.issue("agent-" + UUID.randomUUID(), Role.AGENT, null)
        .secret()).get("/api/v1/admin/inbound");

    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.contentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(unauthenticated.body().path("detail").asString()).contains("tact_…");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.contentType()).containsIgnoringCase("charset=UTF-8");
    // refusing costs no observation per filter, authorization or authentication (Spring Security's own are off)
    assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    assertThat(meters.find("spring.security.authorizations").meters()).isEmpty();
    assertThat(meters.find("spring.security.authentications").meters()).isEmpty();
  }

  private static void assertProblem(RawHttpUpload.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.headers() + answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(JSON.readTree(answer.body()).path("code").asString()).isEqualTo(code);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
