package dev.tact.live;

import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The signal bus for the database Tact runs on: LISTEN/NOTIFY on PostgreSQL, in the process on H2. */
@Configuration(proxyBeanMethods = false)
class SignalBusConfiguration {

  @Bean
  SignalBus signalBus(Environment environment, JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
    InProcessSignalBus local = new InProcessSignalBus(Executors.newVirtualThreadPerTaskExecutor(), json);
    String url = environment.getProperty("spring.datasource.url", "");
    return url.startsWith("jdbc:postgresql:") ? new PostgresSignalBus(jdbc, dataSource, json, local) : local;
  }
}
