package dev.tact.sms.web;

import dev.tact.shared.web.UiController;
import dev.tact.sms.SmsProperties;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admin → SMS: whether Twilio can send and receive, the addresses to give Twilio, and which channels have a generic
 * webhook. Read only: the settings are application properties ({@code tact.sms.*}); the secrets are never shown.
 */
@UiController
class SmsAdminController {

  /** What the page shows. */
  record View(boolean sending, boolean receiving, String accountSid, String fromNumber, String apiBaseUrl,
      String publicBaseUrl, String inboundUrl, String statusUrl, List<String> webhookChannels, long toleranceSeconds) {}

  private final SmsProperties properties;

  SmsAdminController(SmsProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/admin/sms")
  String page(Model model) {
    SmsProperties.Twilio twilio = properties.twilio();
    String base = twilio.publicBaseUrl().isEmpty() ? "https://<your Tact address>" : twilio.publicBaseUrl();
    model.addAttribute("sms", new View(twilio.sending(), twilio.receiving(), masked(twilio.accountSid()),
        twilio.fromNumber(), twilio.apiBaseUrl(), twilio.publicBaseUrl(), base + "/hooks/twilio/sms",
        base + "/hooks/twilio/status", properties.webhook().secrets().entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isBlank()).map(e -> e.getKey().toLowerCase(java.util.Locale.ROOT))
            .sorted().toList(), properties.webhook().tolerance().toSeconds()));
    return "sms/admin";
  }

  /** The account SID's start and end only. */
  static String masked(String sid) {
    return sid.length() <= 8 ? (sid.isEmpty() ? "" : "…") : sid.substring(0, 4) + "…" + sid.substring(sid.length() - 4);
  }
}
