package dev.tact.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a Spring test context at a new PostgreSQL database ({@link PostgresTestDatabase#createMigrated()}: a copy of
 * one migrated per test JVM, so the context finds nothing left to migrate), made
 * when the context starts. Unlike a {@code @DynamicPropertySource} method declared in each test class, this is the
 * same for every class that carries it, so test classes whose other settings are equal share one context (and one
 * database) instead of starting one each: give a new PostgreSQL test this annotation, not a property source of its
 * own, and make its data unique (UUID-suffixed names) rather than count on an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RequiresPostgres
@ContextCustomizerFactories(FreshPostgresDatabase.Factory.class)
public @interface FreshPostgresDatabase {

  final class Factory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
        List<ContextConfigurationAttributes> configAttributes) {
      return new Customizer();
    }
  }

  /** Equal to every other instance: the database is made per context, not per test class. */
  final class Customizer extends SameForEveryContext {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshPostgresDatabase",
          Map.of("spring.datasource.url", PostgresTestDatabase.createMigrated())));
    }
  }
}
