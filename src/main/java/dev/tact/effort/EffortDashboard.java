package dev.tact.effort;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.staff.StaffDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's effort panels: by period, team, channel and intent. */
@Configuration(proxyBeanMethods = false)
class EffortDashboard {

  @Bean
  DashboardPanel effortByPeriod(EffortReports reports, StaffDirectory staff) {
    return new EffortPanel(reports, staff, EffortReports.Dimension.PERIOD);
  }

  @Bean
  DashboardPanel effortByTeam(EffortReports reports, StaffDirectory staff) {
    return new EffortPanel(reports, staff, EffortReports.Dimension.TEAM);
  }

  @Bean
  DashboardPanel effortByChannel(EffortReports reports, StaffDirectory staff) {
    return new EffortPanel(reports, staff, EffortReports.Dimension.CHANNEL);
  }

  @Bean
  DashboardPanel effortByIntent(EffortReports reports, StaffDirectory staff) {
    return new EffortPanel(reports, staff, EffortReports.Dimension.INTENT);
  }
}
