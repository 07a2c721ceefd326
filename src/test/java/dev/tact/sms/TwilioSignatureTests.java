package dev.tact.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's request signature against the example Twilio publishes in its security documentation. */
class TwilioSignatureTests {

  static final String TOKEN = "12345";
  static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

  static Map<String, List<String>> documented() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("To", List.of("+18005551212"));
    params.put("Digits", List.of("1234"));
    params.put("From", List.of("+14158675309"));
    params.put("CallSid", List.of("CA1234567890ABCDE"));
    params.put("Caller", List.of("+14158675309"));
    return params;
  }

  @Test
  void shouldComputeTheSignatureTwilioDocumentsWhateverTheOrderOfTheParameters() {
    assertThat(TwilioSignature.sign(TOKEN, URL, documented())).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    assertThat(TwilioSignature.verify(TOKEN, URL, documented(), "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
  }

  @Test
  void shouldRejectATamperedValueUrlTokenOrSignature() {
    Map<String, List<String>> tampered = documented();
    tampered.put("Digits", List.of("9999"));
    assertThat(TwilioSignature.verify(TOKEN, URL, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL + "&extra=1", documented(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
        .isFalse();
    assertThat(TwilioSignature.verify("54321", URL, documented(), "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, documented(), "not base64 at all!")).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, documented(), null)).isFalse();
  }
}
