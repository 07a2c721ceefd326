package dev.tact.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says loudly when Tact runs on the embedded H2 database, which is meant for evaluation. */
@Component
class EmbeddedDatabaseWarning {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWarning.class);

  private final Environment environment;

  EmbeddedDatabaseWarning(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnOnEmbeddedDatabase() {
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:h2:")) {
      log.warn("""

          *****************************************************************************
           Tact is running on the embedded H2 database ({}).
           Fine for trying Tact and for small installations on one node; for production
           and for several nodes use PostgreSQL: set TACT_DB_URL=jdbc:postgresql://…
          *****************************************************************************""", url);
    }
  }
}
