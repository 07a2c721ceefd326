/** The pages agents log calls on: /calls, /calls/new, /calls/{id}. */
package dev.tact.calls.web;
