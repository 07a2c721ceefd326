package dev.tact.search;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:search;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1"})
class SearchIntegrationTests extends SearchContract {}
