package dev.tact.shared.web;

/**
 * The agent UI's Content Security Policy. Remote images stay blocked unless an agent asks for
 * them in one message; that page then sets the policy itself, with remote images allowed.
 */
public final class ContentSecurityPolicies {

  private ContentSecurityPolicies() {}

  public static String ui(boolean remoteImages) {
    return "default-src 'self'; img-src 'self' data:" + (remoteImages ? " https: http:" : "")
        + "; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  }
}
