/** The staff pages: Admin → Staff and Teams, the agent's own account, and the public one-time link pages. */
package dev.tact.staff.web;
