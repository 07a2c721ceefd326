/** What the agent UI's pages share across modules: the page controller marker, flash messages, formatting. */
package dev.tact.shared.web;
