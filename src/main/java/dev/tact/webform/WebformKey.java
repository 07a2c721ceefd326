package dev.tact.webform;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The key that signs form tickets: made once by whichever node asks first, then shared through the database. */
@Component
class WebformKey {

  private final JdbcClient jdbc;
  private volatile byte[] key;

  WebformKey(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  byte[] bytes() {
    byte[] k = key;
    if (k == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      jdbc.sql("INSERT INTO webform_key (id, secret) VALUES (1, :secret) ON CONFLICT DO NOTHING")
          .param("secret", Base64.getEncoder().encodeToString(fresh)).update();
      k = Base64.getDecoder().decode(jdbc.sql("SELECT secret FROM webform_key WHERE id = 1").query(String.class)
          .single());
      key = k;
    }
    return k;
  }
}
