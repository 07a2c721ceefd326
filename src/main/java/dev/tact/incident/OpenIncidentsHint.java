package dev.tact.incident;

/**
 * Whether any incident may be open, as this node's status page last saw: lets inbound messages skip the incident
 * tables entirely while nothing is open. It may lag a change on another node by one refresh of the status page.
 */
interface OpenIncidentsHint {

  boolean anyOpen();
}
