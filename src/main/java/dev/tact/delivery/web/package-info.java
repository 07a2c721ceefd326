/** The delivery pages: Admin → Sending mail (the SMTP relay, a test mail, the pacing limits). */
package dev.tact.delivery.web;
