package dev.tact.chat;

import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The chat bus for the database Tact runs on: LISTEN/NOTIFY on PostgreSQL, in the process on H2. */
@Configuration(proxyBeanMethods = false)
class ChatBusConfiguration {

  @Bean
  ChatBus chatBus(Environment environment, JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
    InProcessChatBus local = new InProcessChatBus(Executors.newVirtualThreadPerTaskExecutor());
    String url = environment.getProperty("spring.datasource.url", "");
    return url.startsWith("jdbc:postgresql:") ? new PostgresChatBus(jdbc, dataSource, json, local) : local;
  }
}
