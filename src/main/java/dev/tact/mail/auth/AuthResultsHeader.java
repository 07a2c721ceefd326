package dev.tact.mail.auth;

import java.util.List;

/**
 * One Authentication-Results header field, read: which host wrote it and what it found.
 *
 * @param authservId the authentication service identifier the host writes (RFC 8601 section 2.5), as written
 * @param results every {@code method=result}, in order; empty for {@code ; none}
 */
public record AuthResultsHeader(String authservId, List<AuthResult> results) {

  public AuthResultsHeader {
    results = List.copyOf(results);
  }
}
