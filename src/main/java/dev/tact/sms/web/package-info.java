/** The public webhooks of texts and social messages: the generic signed one and Twilio's. */
package dev.tact.sms.web;
