package org.socius.platform.api;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The order of the API's servlet filters matters: the size limit runs before anything reads a body;
 * idempotency runs after authentication, because a key belongs to its caller.
 */
@Configuration(proxyBeanMethods = false)
class ApiFilterConfiguration {

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      ProblemWriter problems,
      @Value("${socius.api.max-json-size:1MB}") DataSize jsonLimit,
      @Value("${socius.api.max-import-size:20MB}") DataSize importLimit) {
    var registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(problems, jsonLimit, importLimit));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  @Bean
  IdempotencyKeys idempotencyKeys(JdbcClient jdbc) {
    return new IdempotencyKeys(jdbc);
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyKeys keys,
      ProblemWriter problems,
      @Value(
              "${socius.api.own-idempotency-paths:"
                  + "/api/v1/providers/*/deliveries,/api/v1/providers/*/deliveries/batches}")
          List<String> ownKeys) {
    var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems, ownKeys));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
