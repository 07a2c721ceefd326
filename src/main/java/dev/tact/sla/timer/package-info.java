/**
 * Durable timers for the SLA clocks (and anything else that must happen once at a given time): see {@link
 * dev.tact.sla.timer.Timers} and {@link dev.tact.sla.timer.TimerHandler}.
 */
package dev.tact.sla.timer;
