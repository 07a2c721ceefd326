/**
 * Service targets measured in business time. So far the arithmetic: {@link
 * dev.tact.sla.BusinessCalendar} (a team's working hours in its zone, public holidays, closures)
 * adds business time to an instant and measures it between two; pure Java, no Spring. SLA
 * policies, durable timers and the report come with the rest of issue 5.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLAs")
package dev.tact.sla;
