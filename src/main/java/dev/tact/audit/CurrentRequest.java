package dev.tact.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting and from which address, read from the request being served (none in background work). */
final class CurrentRequest {

  private CurrentRequest() {}

  static AuditActor actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return source() == null ? AuditActor.SYSTEM : AuditActor.anonymous(null);
    }
    if (authentication instanceof AnonymousAuthenticationToken) {
      return AuditActor.anonymous(null);
    }
    if (authentication instanceof AuditedPrincipal audited) {
      return audited.auditActor();
    }
    return new AuditActor(AuditActor.Kind.AGENT, authentication.getName());
  }

  /** The client's address as the servlet container sees it (behind a proxy: from its forwarded headers). */
  static String source() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      return attributes.getRequest().getRemoteAddr();
    }
    return null;
  }
}
