package dev.tact.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incidents' and the status page's settings ({@code tact.incident.*}).
 *
 * @param baseUrl the public address of Tact, written into notices and acknowledgements (the status page's link)
 * @param salesCoolDown how long after an incident is resolved the contacts it affected still get no sales contact
 * @param statusRefresh how often each node checks whether the status page changed on another node
 * @param statusMaxAge how long a browser or proxy may keep the status page without asking again
 * @param statusTitle the status page's heading, e.g. "Acme status"
 * @param matching whether inbound messages are matched to open incidents
 * @param noticeBatchesInFlight how many batches of an update's notices are decided and queued at once, each in its own
 *     transaction (4: on two cores, some are decided and written while others wait on the database; 100,000 notices
 *     took 45.7 s with 2 and 23.6 s with 4 on PostgreSQL, bench/incident-notices.sh; each holds a connection)
 */
@ConfigurationProperties("tact.incident")
public record IncidentProperties(@DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("7d") Duration salesCoolDown, @DefaultValue("2s") Duration statusRefresh,
    @DefaultValue("10s") Duration statusMaxAge, @DefaultValue("Service status") String statusTitle,
    @DefaultValue("true") boolean matching, @DefaultValue("4") int noticeBatchesInFlight) {

  public IncidentProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (salesCoolDown.isNegative() || statusRefresh.isNegative() || statusRefresh.isZero()
        || statusMaxAge.isNegative() || noticeBatchesInFlight < 1 || noticeBatchesInFlight > 16) {
      throw new IllegalArgumentException("tact.incident durations must not be negative (and status-refresh > 0), "
          + "notice-batches-in-flight is 1 to 16");
    }
  }

  /** Where customers follow an incident on the status page. */
  public String statusLink(Incident incident) {
    return baseUrl + "/status#" + incident.reference();
  }
}
