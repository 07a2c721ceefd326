package dev.tact.live;

import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The signal bus for the database Tact runs on: LISTEN/NOTIFY on PostgreSQL, in the process on H2. */
@Configuration(proxyBeanMethods = false)
class SignalBusConfiguration {

  @Bean
  SignalBus signalBus(Environment environment, DataSource dataSource, JsonMapper json) {
    InProcessSignalBus local = new InProcessSignalBus(Executors.newVirtualThreadPerTaskExecutor(), json);
    String url = environment.getProperty("spring.datasource.url", "");
    return url.startsWith("jdbc:postgresql:") ? new PostgresSignalBus(dataSource, json, local) : local;
  }
}
