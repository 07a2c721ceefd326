package dev.tact.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ProblemErrorReportValve} in the place of Tomcat's error report (and of the one Spring Boot sets up),
 * after Spring Boot's own customizer has run.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

  private final JsonMapper json;

  TomcatProblemReports(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Pipeline host = context.getParent().getPipeline();
      for (Valve valve : host.getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.removeValve(valve);
        }
      }
      host.addValve(new ProblemErrorReportValve(json));
      if (context.getParent() instanceof StandardHost standardHost) {
        // else the host adds Tomcat's own when it starts, which would report first
        standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
