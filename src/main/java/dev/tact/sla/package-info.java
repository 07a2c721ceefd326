/**
 * Service-level agreements on business time. {@link dev.tact.sla.BusinessCalendar} knows when a team works
 * (weekly hours in its zone, public holidays, closures) and adds or measures business time; {@link
 * dev.tact.sla.SlaClock} sums a conversation's running intervals and gives due and warning instants. The
 * arithmetic is plain Java (no Spring) in this package's root types and {@code dev.tact.sla.calendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLAs",
    allowedDependencies = {"audit", "contact", "conversation", "dashboard", "routing", "shared", "staff", "timer"})
package dev.tact.sla;
