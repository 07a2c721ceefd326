package dev.tact.web.ui;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The stylesheets, scripts and icons are served from memory by {@link StaticAssetsFilter}, registered first, as the
 * status page's filter is. Pages link them at content-versioned paths through Spring's
 * resource chain (spring.web.resources.chain in application.yml), which stays behind the filter as the fallback.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetsConfiguration {

  static final String[] PREFIXES = {"/css/", "/js/", "/favicon."};

  @Bean
  FilterRegistrationBean<StaticAssetsFilter> staticAssetsFilter(ResourcePatternResolver resolver) {
    FilterRegistrationBean<StaticAssetsFilter> registration = new FilterRegistrationBean<>(
        new StaticAssetsFilter(StaticAssets.load(resolver, PREFIXES)));
    registration.addUrlPatterns("/css/*", "/js/*", "/favicon.ico", "/favicon.svg");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("staticAssets");
    return registration;
  }
}
