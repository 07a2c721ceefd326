package dev.tact.audit;

/**
 * An authentication that knows how the audit log should name it (an integration's token, say). Any other
 * authentication is recorded as an agent by its name.
 */
public interface AuditedPrincipal {

  AuditActor auditActor();
}
