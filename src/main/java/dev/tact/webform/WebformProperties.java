package dev.tact.webform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the public forms keep spam out.
 *
 * @param proofOfWorkBits leading zero bits the page's script must find in sha256(challenge + nonce); each bit doubles
 *     the work (16: about 65,000 hashes, a fraction of a second in a browser)
 * @param minTimeToSubmit a form sent sooner after its page was served is refused (people read and type; scripts do not)
 * @param ticketLifetime how long a page's ticket may be used to send the form
 * @param submitBurst submissions one address may make at once
 * @param submitPerMinute submissions one address may make each minute after that
 * @param pageBurst pages and challenges one address may fetch at once
 * @param pagePerMinute pages and challenges one address may fetch each minute after that
 * @param maxKeys addresses remembered by each rate limit
 */
@ConfigurationProperties("tact.webform")
public record WebformProperties(@DefaultValue("16") int proofOfWorkBits, @DefaultValue("3s") Duration minTimeToSubmit,
    @DefaultValue("2h") Duration ticketLifetime, @DefaultValue("5") long submitBurst,
    @DefaultValue("5") long submitPerMinute, @DefaultValue("60") long pageBurst, @DefaultValue("60") long pagePerMinute,
    @DefaultValue("100000") int maxKeys) {

  public WebformProperties {
    if (proofOfWorkBits < 0 || proofOfWorkBits > 32) {
      throw new IllegalArgumentException("tact.webform.proof-of-work-bits must be between 0 and 32");
    }
  }
}
