package dev.tact.delivery.dkim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A {@link DkimSigner} bean when {@code tact.delivery.dkim.enabled=true}; a bad key or domain stops the start. */
@Configuration(proxyBeanMethods = false)
class DkimConfiguration {

  @Bean
  @ConditionalOnProperty(name = "tact.delivery.dkim.enabled", havingValue = "true")
  DkimSigner dkimSigner(DkimProperties settings, Clock clock) {
    String pem = settings.privateKey();
    if ((pem == null || pem.isBlank()) && settings.privateKeyFile() != null) {
      try {
        pem = Files.readString(settings.privateKeyFile());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read tact.delivery.dkim.private-key-file " + settings.privateKeyFile(), e);
      }
    }
    if (pem == null || pem.isBlank()) {
      throw new IllegalStateException("DKIM is on but has no key: set tact.delivery.dkim.private-key or private-key-file");
    }
    return new DkimSigner(settings.domain(), settings.selector(), pem, settings.headers(), clock);
  }
}
