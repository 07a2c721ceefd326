/**
 * The audit log: who did what, when, from where, with the state before and after. Modules record an
 * {@link dev.tact.audit.AuditRecord} through {@link dev.tact.audit.AuditLog} inside the transaction of the change
 * itself, so a change and its entry are committed together or not at all. Entries are never updated; only
 * retention deletes them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log",
    allowedDependencies = {"shared"})
package dev.tact.audit;
