package dev.tact.conversation.web;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.SeenVersion;
import dev.tact.shared.web.ProblemDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries the version of a conversation that the asker had seen into the change it asks for (ADR 0037): a form of
 * the conversation page posts it as {@code seenVersion} (the page's script adds it to every form), an API client
 * sends {@code If-Match: "7"} on a change of {@code /api/v1/conversations/{reference}/...}. Without one the change
 * applies as before (an agent who confirmed "apply anyway", an older client). A stale page is answered with what
 * changed since and nothing changes: 409 on the page (shown as the page's problem), 412 Problem Details on the API.
 */
@Component
class SeenVersionFilter extends OncePerRequestFilter {

  static final String PARAMETER = "seenVersion";
  private static final Pattern PAGE = Pattern.compile("^/conversations/(\\d{1,18})/.+");
  private static final Pattern API = Pattern.compile("^/api/v1/conversations/([^/]+)/.+");
  private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private final ConversationManagement conversations;
  private final JsonMapper json;

  SeenVersionFilter(ConversationManagement conversations, JsonMapper json) {
    this.conversations = conversations;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher page = PAGE.matcher(path);
    Matcher api = API.matcher(path);
    String seen;
    String reference;
    int staleStatus;
    if (page.matches()) {
      seen = request.getParameter(PARAMETER);
      reference = page.group(1);
      staleStatus = 409;
    } else if (api.matches()) {
      seen = request.getHeader(HttpHeaders.IF_MATCH);
      reference = api.group(1);
      staleStatus = 412;
    } else {
      chain.doFilter(request, response);
      return;
    }
    if (seen == null || seen.isBlank() || seen.strip().equals("*")) {
      chain.doFilter(request, response);
      return;
    }
    Matcher version = VERSION.matcher(seen.strip());
    Optional<ConversationSummary> conversation = conversations.findByReference(reference);
    if (!version.matches()) {
      refuse(response, path, "'" + seen.strip() + "' is not a version of this conversation: send the number its "
          + "ETag gave, such as \"7\".");
      return;
    }
    if (conversation.isEmpty()) {
      chain.doFilter(request, response); // the controller answers 404
      return;
    }
    try (SeenVersion.Scope ignored = SeenVersion.expect(conversation.get().id(), Long.parseLong(version.group(1)),
        staleStatus)) {
      chain.doFilter(request, response);
    }
  }

  private void refuse(HttpServletResponse response, String path, String detail) throws IOException {
    var problem = ProblemDetails.of(400, "invalid-version", "Invalid version", detail);
    problem.setInstance(java.net.URI.create(path));
    response.setStatus(400);
    response.setContentType("application/problem+json");
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
