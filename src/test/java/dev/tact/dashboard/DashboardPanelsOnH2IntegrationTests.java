package dev.tact.dashboard;

import org.springframework.boot.test.context.SpringBootTest;

/** Same settings as the API contract's tests on H2, so one context serves them all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false"})
class DashboardPanelsOnH2IntegrationTests extends DashboardPanelsContract {}
