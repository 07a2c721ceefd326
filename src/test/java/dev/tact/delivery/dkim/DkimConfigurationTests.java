package dev.tact.delivery.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class DkimConfigurationTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DkimProperties.class)
  static class Settings {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Settings.class, DkimConfiguration.class);

  @Test
  void shouldMakeNoSignerWhenDkimIsOff() {
    runner.run(context -> assertThat(context).doesNotHaveBean(DkimSigner.class));
  }

  @Test
  void shouldReadTheKeyFromAFileWhenDkimIsOn(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("dkim.pem");
    Files.writeString(key, DkimSignerTests.resource("ed25519.pem"));

    runner.withPropertyValues("tact.delivery.dkim.enabled=true", "tact.delivery.dkim.domain=shop.example",
        "tact.delivery.dkim.selector=s1", "tact.delivery.dkim.private-key-file=" + key)
        .run(context -> assertThat(context.getBean(DkimSigner.class).algorithm()).isEqualTo("ed25519-sha256"));
  }

  @Test
  void shouldRefuseToStartWithDkimOnButNoKey() {
    runner.withPropertyValues("tact.delivery.dkim.enabled=true", "tact.delivery.dkim.domain=shop.example",
        "tact.delivery.dkim.selector=s1")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("no key"));
  }
}
