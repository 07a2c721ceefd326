package dev.tact.staff.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Locale;

/**
 * What a session remembers about its sign-in, as plain session attributes (strings and numbers survive upgrades of
 * Tact's classes): the browser's user agent, the client address, when, and how.
 */
final class SessionFacts {

  static final String USER_AGENT = "tact.signin.user-agent";
  static final String ADDRESS = "tact.signin.address";
  static final String AT = "tact.signin.at";
  static final String METHOD = "tact.signin.method";

  private SessionFacts() {}

  static void record(HttpSession session, HttpServletRequest request, String method, Instant at) {
    String agent = request.getHeader("User-Agent");
    session.setAttribute(USER_AGENT, agent == null ? "" : agent.length() > 400 ? agent.substring(0, 400) : agent);
    session.setAttribute(ADDRESS, request.getRemoteAddr());
    session.setAttribute(AT, at.toEpochMilli());
    session.setAttribute(METHOD, method);
  }

  /** A short name for a user agent: "Firefox on Windows", "Chrome on Android". */
  static String device(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "Unknown device";
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    String browser = ua.contains("edg/") ? "Edge"
        : ua.contains("opr/") || ua.contains("opera") ? "Opera"
        : ua.contains("firefox/") ? "Firefox"
        : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome"
        : ua.contains("safari/") ? "Safari"
        : ua.contains("curl/") ? "curl"
        : "Browser";
    String system = ua.contains("android") ? "Android"
        : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
        : ua.contains("windows") ? "Windows"
        : ua.contains("mac os x") || ua.contains("macintosh") ? "macOS"
        : ua.contains("cros") ? "ChromeOS"
        : ua.contains("linux") ? "Linux"
        : null;
    return system == null ? browser : browser + " on " + system;
  }
}
