/**
 * Calendars for the contact policy, without Spring: public holidays (Jollyday, cached per country, subdivision and
 * year), local time windows and the search for the next open instant in every candidate zone, and the zones of
 * countries and subdivisions.
 */
package dev.tact.policy.calendar;
