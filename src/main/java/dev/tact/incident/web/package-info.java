/** Incidents' pages and API, the public status page's door (/status/**) and the admin's components. */
package dev.tact.incident.web;
