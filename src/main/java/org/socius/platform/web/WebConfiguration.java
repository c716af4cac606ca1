package org.socius.platform.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.socius.platform.Languages;
import org.socius.platform.api.IdempotencyKeys;
import org.socius.platform.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The UI speaks English and Russian. The language comes from {@code ?lang=}, then a cookie that
 * remembers the choice, then the browser's Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapProperties.class)
class WebConfiguration implements WebMvcConfigurer {

  /** Every role starts from its dashboard. */
  @Bean
  static NavigationItem dashboardNavigation() {
    return new NavigationItem("nav.home", "/", EnumSet.allOf(Role.class), 0);
  }

  /** After authentication, because a form's key belongs to the user who was shown it. */
  @Bean
  FilterRegistrationBean<FormResubmissionFilter> formResubmissionFilter(IdempotencyKeys keys) {
    var registration = new FilterRegistrationBean<>(new FormResubmissionFilter(keys));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20);
    return registration;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("socius-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          Locale requested = request.getLocale();
          return Languages.locales().stream()
              .filter(l -> l.getLanguage().equals(requested.getLanguage()))
              .findFirst()
              .orElse(Locale.ENGLISH);
        });
    return resolver;
  }

  private final List<NavigationItem> navigation;

  WebConfiguration(List<NavigationItem> navigation) {
    this.navigation = navigation;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ShellModelInterceptor(navigation));
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
