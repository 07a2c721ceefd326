package dev.tact.delivery.unsubscribe;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * List-Unsubscribe links (RFC 2369, one-click by RFC 8058).
 *
 * @param baseUrl the public address of Tact that recipients reach, e.g. https://help.shop.example
 * @param mailto an address to offer beside the link (optional; mail to it is not yet read by Tact)
 * @param secret base64 of at least 32 random bytes to sign the tokens; unset: derived from
 *     {@code tact.secrets.key} (TACT_SECRET_KEY), else generated once into {@code keyFile}
 * @param keyFile where a generated secret is kept
 */
@ConfigurationProperties("tact.delivery.unsubscribe")
public record UnsubscribeProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    String mailto,
    String secret,
    @DefaultValue("./data/unsubscribe.key") Path keyFile) {}
