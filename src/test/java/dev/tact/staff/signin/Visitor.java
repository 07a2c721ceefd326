package dev.tact.staff.signin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Someone using the agent UI through MockMvc as a browser would: from one address, with one user agent, keeping the
 * cookies Tact sets (the session, the CSRF token, where they were going before signing in), following nothing by
 * itself.
 */
final class Visitor {

  private final MockMvc mvc;
  private final String address;
  private final String userAgent;
  private final Map<String, Cookie> cookies = new LinkedHashMap<>();
  private String problem;

  Visitor(MockMvc mvc, String address, String userAgent) {
    this.mvc = mvc;
    this.address = address;
    this.userAgent = userAgent;
  }

  MockHttpServletResponse get(String path) throws Exception {
    return send(MockMvcRequestBuilders.get(path));
  }

  /** A form post with CSRF token; {@code fields} are name, value, name, value… */
  MockHttpServletResponse post(String path, String... fields) throws Exception {
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return send(request);
  }

  /**
   * Signs in with a password; answers where the login form sent the browser. Like a browser, it then loads the
   * login page when sent back there, so that the page's message is {@link #problem()}.
   */
  String signIn(String email, String password) throws Exception {
    String location = post("/login", "username", email, "password", password).getRedirectedUrl();
    problem = "/login?error".equals(location) ? page(location).select(".problem").text() : null;
    return location;
  }

  /** The message on the login page after the last failed {@link #signIn}. */
  String problem() {
    return problem;
  }

  /** The page at the path, parsed. */
  Document page(String path) throws Exception {
    return Jsoup.parse(get(path).getContentAsString(StandardCharsets.UTF_8));
  }

  /** Whether the session is signed in: the inbox answers instead of sending to the login page. */
  boolean signedIn() throws Exception {
    return get("/").getStatus() == 200;
  }

  /** The session id the cookie carries (Spring Session writes it base64-encoded). */
  String sessionId() {
    Cookie session = cookies.get("SESSION");
    return session == null ? null
        : new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII);
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    request.header("User-Agent", userAgent).with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
    if (!cookies.isEmpty()) {
      request.cookie(cookies.values().toArray(Cookie[]::new));
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    for (Cookie set : response.getCookies()) {
      if (set.getMaxAge() == 0) {
        cookies.remove(set.getName());
      } else {
        cookies.put(set.getName(), set);
      }
    }
    return response;
  }

}
