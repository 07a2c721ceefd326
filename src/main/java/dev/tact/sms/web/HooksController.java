package dev.tact.sms.web;

import dev.tact.intake.Acknowledgement;
import dev.tact.shared.web.ApiController;
import dev.tact.shared.HookSignature;
import dev.tact.sms.InboundTexts;
import dev.tact.sms.TwilioSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The inbound webhooks. {@code POST /hooks/{channel}/messages}: JSON signed with the channel's secret
 * ({@link HookSignature}), answered 202 once committed. {@code POST /hooks/twilio/sms} and {@code
 * /hooks/twilio/status}: Twilio's form posts, signed as Twilio signs ({@link TwilioSignature}). A request whose
 * signature fails is answered 401 with Problem Details, and nothing is stored.
 */
@ApiController
class HooksController {

  private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

  private final InboundTexts texts;

  HooksController(InboundTexts texts) {
    this.texts = texts;
  }

  record Accepted(String itemId, String messageId, boolean redelivery) {
    static Accepted of(Acknowledgement ack) {
      return new Accepted(ack.itemId().toString(), ack.messageId().toString(), ack.redelivery());
    }
  }

  @PostMapping(path = "/hooks/{channel}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> message(@PathVariable String channel, @RequestBody(required = false) byte[] body,
      @RequestHeader(name = HookSignature.HEADER, required = false) String signature) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Accepted.of(texts.hook(channel, body, signature)));
  }

  @PostMapping(path = "/hooks/twilio/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> twilioSms(HttpServletRequest request,
      @RequestHeader(name = TwilioSignature.HEADER, required = false) String signature) {
    texts.twilioSms(signedUrl(request), formParams(request), signature);
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
  }

  @PostMapping(path = "/hooks/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> twilioStatus(HttpServletRequest request,
      @RequestHeader(name = TwilioSignature.HEADER, required = false) String signature) {
    texts.twilioStatus(signedUrl(request), formParams(request), signature);
    return ResponseEntity.noContent().build();
  }

  private String signedUrl(HttpServletRequest request) {
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    return texts.twilioUrl(request.getRequestURL() + query, request.getRequestURI() + query);
  }

  /** The POSTed parameters only: the servlet's map mixes in the query string's, which Twilio signs in the URL. */
  private static Map<String, List<String>> formParams(HttpServletRequest request) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> all.put(name, new ArrayList<>(List.of(values))));
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        List<String> values = all.get(name);
        if (values != null) {
          values.remove(value);
          if (values.isEmpty()) {
            all.remove(name);
          }
        }
      }
    }
    return all;
  }
}
