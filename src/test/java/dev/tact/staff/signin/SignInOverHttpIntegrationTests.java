package dev.tact.staff.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.audit.AuditEntry;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditQuery;
import dev.tact.shared.PageRequest;
import dev.tact.staff.AgentSession;
import dev.tact.staff.AgentAdministration;
import dev.tact.staff.Role;
import dev.tact.staff.SignInAdministration;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TestIdentityProvider;
import dev.tact.testsupport.TestIdentityProvider.Person;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tact over real HTTP: single sign-on with a real OpenID Connect provider (Spring Authorization Server, started by
 * the test) through the whole authorization code flow, and the cookie and header rules behind a TLS-terminating proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:signin-http;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false",
    "tact.sso.oidc.client-id=" + TestIdentityProvider.CLIENT_ID,
    "tact.sso.oidc.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
    "tact.sso.oidc.display-name=Test IdP"})
class SignInOverHttpIntegrationTests {

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String ADA = "Ada.SSO-" + RUN + "@Example.com"; // the provider's spelling; Tact keeps lower case
  static final String UNVERIFIED = "unverified-" + RUN + "@example.com";
  static final String GONE = "gone-" + RUN + "@example.com";
  static final String STRANGER = "stranger-" + RUN + "@elsewhere.test";
  static final String HTML = "text/html,application/xhtml+xml"; // as a browser asks: the provider sends it to log in
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private static TestIdentityProvider provider;

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry registry) {
    registry.add("tact.sso.oidc.issuer-uri", () -> provider().issuer());
  }

  static synchronized TestIdentityProvider provider() {
    if (provider == null) {
      provider = TestIdentityProvider.start(Map.of(
          "ada", new Person(ADA, true),
          "unverified", new Person(UNVERIFIED, false),
          "gone", new Person(GONE, true),
          "stranger", new Person(STRANGER, true)));
    }
    return provider;
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  StaffDirectory staff;

  @Autowired
  AgentAdministration agents;

  @Autowired
  SignInAdministration administration;

  @Autowired
  AuditLog audit;

  @Autowired
  JdbcClient jdbc;

  // ---- single sign-on

  @Test
  void shouldSignAnAgentInThroughTheProviderWithTheirEmailAsNameAndTheirRole() throws Exception {
    var ada = staff.findAgentByEmail(ADA).orElseGet(() -> staff.createAgent(ADA, "Ada SSO", Role.LEAD,
        "unused-password-1"));
    HttpClient browser = browser();
    String loginPage = get(browser, tact("/login")).body();
    assertThat(Jsoup.parse(loginPage).select("a.button[href=/oauth2/authorization/oidc]").text())
        .isEqualTo("Sign in with Test IdP");

    HttpResponse<String> landed = signInAtProvider(browser, "ada");

    assertThat(landed.uri()).as(() -> Jsoup.parse(landed.body()).select(".problem").text())
        .isEqualTo(URI.create(tact("/dashboard"))); // a lead lands on the dashboard
    assertThat(Jsoup.parse(landed.body()).select("header .who").text()).isEqualTo(ada.email());
    assertThat(landed.body()).contains("Inbox");
    // the same authentication a password gives: the lead may open what leads open, not what admins open
    assertThat(get(browser, tact("/admin/signin")).statusCode()).isEqualTo(403);
    List<AgentSession> sessions = administration.sessions(ada.id());
    assertThat(sessions).extracting(AgentSession::method).containsExactly("single sign-on (Test IdP)");
    assertThat(entries("signin.succeeded", ada.email())).extracting(AuditEntry::summary)
        .containsExactly("Signed in with single sign-on (Test IdP)");
  }

  @Test
  void shouldRefuseSomeoneWhoIsNotAnAgentWithoutMakingAnAccount() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> refused = signInAtProvider(browser, "stranger");

    assertThat(refused.uri().getPath()).isEqualTo("/login");
    assertThat(Jsoup.parse(refused.body()).select(".problem").text())
        .isEqualTo(STRANGER + " is not an active agent of this Tact. An admin can add you, or reactivate you.");
    assertThat(staff.findAgentByEmail(STRANGER)).isEmpty();
    assertThat(get(browser, tact("/")).uri().getPath()).isEqualTo("/login");
    assertThat(entries("signin.failed", STRANGER)).hasSize(1);
  }

  @Test
  void shouldRefuseADeactivatedAgentAndAnAddressTheProviderDidNotVerify() throws Exception {
    var gone = staff.findAgentByEmail(GONE).orElseGet(() -> staff.createAgent(GONE, "Gone", Role.AGENT,
        "unused-password-1"));
    agents.deactivate(gone.id());
    staff.findAgentByEmail(UNVERIFIED).orElseGet(() -> staff.createAgent(UNVERIFIED, "Unverified", Role.AGENT,
        "unused-password-1"));

    HttpResponse<String> deactivated = signInAtProvider(browser(), "gone");
    HttpResponse<String> unverified = signInAtProvider(browser(), "unverified");

    assertThat(Jsoup.parse(deactivated.body()).select(".problem").text())
        .isEqualTo(GONE + " is not an active agent of this Tact. An admin can add you, or reactivate you.");
    assertThat(Jsoup.parse(unverified.body()).select(".problem").text()).isEqualTo(
        "Your identity provider has not verified the address " + UNVERIFIED + ", so Tact cannot match it to an account.");
  }

  // ---- behind a proxy

  @Test
  void shouldSetSecureCookiesAndHstsForHttpsForwardedByATrustedProxy() throws Exception {
    String session = signInOverPlainHttp(true);

    assertThat(session).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
  }

  @Test
  void shouldSetNeitherSecureNorHstsOverPlainHttp() throws Exception {
    String session = signInOverPlainHttp(false);

    assertThat(session).doesNotContain("Secure").contains("; HttpOnly").contains("; SameSite=Lax");
    HttpResponse<String> api = plainClient().send(HttpRequest.newBuilder(URI.create(tact("/api/v1/conversations")))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  /**
   * Opens the login page (which makes no session: nobody has signed in) and signs in with a password, as through a
   * TLS-terminating proxy when {@code https}; checks the headers and CSRF cookie on the way, and answers the session
   * cookie the sign-in set.
   */
  private String signInOverPlainHttp(boolean https) throws Exception {
    String email = "cookies-" + UUID.randomUUID() + "@example.com";
    staff.createAgent(email, "Cookie Tester", Role.AGENT, "cookie-password-1");
    HttpRequest.Builder loginPage = HttpRequest.newBuilder(URI.create(tact("/login"))).header("Accept", HTML).GET();
    if (https) {
      loginPage.header("X-Forwarded-Proto", "https");
    }
    HttpResponse<String> page = plainClient().send(loginPage.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().allValues("Set-Cookie")).as("no session before signing in")
        .noneMatch(c -> c.startsWith("SESSION="));
    String csrfCookie = cookie(page, "XSRF-TOKEN");
    assertThat(csrfCookie).contains("; HttpOnly").contains("; SameSite=Lax");
    assertThat(csrfCookie.contains("; Secure")).isEqualTo(https);
    assertThat(page.headers().firstValue("Strict-Transport-Security").isPresent()).isEqualTo(https);
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

    HttpRequest.Builder signIn = HttpRequest.newBuilder(URI.create(tact("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
        .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("username", email, "password", "cookie-password-1",
            "_csrf", csrf(page.body())))));
    if (https) {
      signIn.header("X-Forwarded-Proto", "https");
    }
    HttpResponse<String> signedIn = plainClient().send(signIn.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    return cookie(signedIn, "SESSION");
  }

  @Test
  void shouldThrottleAndRecordTheClientAddressTheProxyForwards() throws Exception {
    HttpClient browser = browser();
    String email = "throttled-" + UUID.randomUUID() + "@example.com";
    String form = get(browser, tact("/login")).body();

    HttpResponse<String> failed = browser.send(HttpRequest.newBuilder(URI.create(tact("/login")))
        .header("X-Forwarded-For", "192.0.2.55")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("username", email, "password", "wrong-password",
            "_csrf", csrf(form))))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(Jsoup.parse(failed.body()).select(".problem").text())
        .isEqualTo("Wrong email or password. Please try again.");
    assertThat(entries("signin.failed", email)).extracting(AuditEntry::source).containsExactly("192.0.2.55");
  }

  // ---- helpers

  /** Starts single sign-on from Tact's button, signs in at the provider's own login form, follows every redirect. */
  private HttpResponse<String> signInAtProvider(HttpClient browser, String user) throws Exception {
    HttpResponse<String> providerLogin = get(browser, tact("/oauth2/authorization/oidc"));
    assertThat(providerLogin.uri().getHost()).isEqualTo("localhost");
    assertThat(providerLogin.uri().getPath()).isEqualTo("/login");
    return browser.send(HttpRequest.newBuilder(providerLogin.uri())
        .header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("username", user,
            "password", TestIdentityProvider.PASSWORD, "_csrf", csrf(providerLogin.body()))))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A browser: keeps each host's cookies, follows redirects. Tact is reached as 127.0.0.1, the provider as localhost. */
  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
  }

  private static HttpClient plainClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", HTML).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String tact(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String csrf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("a CSRF field in %s", page).isTrue();
    return matcher.group(1);
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .filter(c -> !c.contains("Max-Age=0")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
  }

  private List<AuditEntry> entries(String action, String actor) {
    return audit.search(new AuditQuery(action, actor, null, null, null, null), new PageRequest(0, 100)).items();
  }
}
