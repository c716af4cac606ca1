package org.socius.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans every module shares; modules run periodic work with {@code @Scheduled}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

  /** Time comes from here, so that tests can fix it and deadlines can be checked. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
