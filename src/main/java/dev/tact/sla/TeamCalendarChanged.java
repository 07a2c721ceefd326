package dev.tact.sla;

import java.util.UUID;

/** A team's calendar changed; {@code before} is the calendar the clocks ran on until now. Internal to the module. */
record TeamCalendarChanged(UUID teamId, BusinessCalendar before) {}
