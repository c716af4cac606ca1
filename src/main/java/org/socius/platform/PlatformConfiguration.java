package org.socius.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** Time comes from here, so that tests can fix it and deadlines can be checked. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
