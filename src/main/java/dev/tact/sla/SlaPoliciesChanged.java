package dev.tact.sla;

/** The list of policies changed, so running clocks are matched again. Internal to the module. */
record SlaPoliciesChanged() {}
