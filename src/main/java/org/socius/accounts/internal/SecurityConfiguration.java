package org.socius.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.socius.platform.api.ProblemWriter;
import org.socius.platform.web.MapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: the JSON API and the actuator take bearer tokens and keep no session; the UI takes a
 * form login with a session kept in the database, CSRF protection and strict headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /** The map's tiles are the only thing a page loads from elsewhere. */
  private static String contentSecurityPolicy(MapProperties map) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
        + map.tilesOrigin()
        + "; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
        + " base-uri 'self'; object-src 'none'";
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ProblemWriter problems)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    // The public register is open data, as on its web page.
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/register/services", "/api/v1/providers/*")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("ADMINISTRATOR")
                    .anyRequest()
                    .authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          response.setHeader("WWW-Authenticate", "Bearer");
                          problems.write(
                              response, HttpStatus.UNAUTHORIZED, "PLT-0401", request.getLocale());
                        })
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problems.write(
                                response, HttpStatus.FORBIDDEN, "PLT-0403", request.getLocale())));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain uiChain(
      HttpSecurity http,
      Accounts accounts,
      LocaleResolver locales,
      TransactionTemplate transaction,
      MapProperties map)
      throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        "/problems/**",
                        "/register",
                        "/register/**",
                        "/providers/sign-up",
                        "/notices",
                        "/notices/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMINISTRATOR")
                    .requestMatchers("/audit/**")
                    .hasRole("AUDITOR")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(new PreferredLanguageOnSignIn(accounts, locales, transaction))
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(map)))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()))
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    htmxEntryPoint(), new RequestHeaderRequestMatcher("HX-Request", "true")));
    return http.build();
  }

  /**
   * An htmx request whose session expired would otherwise swap the login page into a fragment of
   * the page; instead it asks htmx to load the login page as a whole.
   */
  private static AuthenticationEntryPoint htmxEntryPoint() {
    LoginUrlAuthenticationEntryPoint fallback = new LoginUrlAuthenticationEntryPoint("/login");
    return (request, response, e) -> {
      if (request.getHeader("HX-Request") == null) {
        fallback.commence(request, response, e);
        return;
      }
      response.setHeader("HX-Redirect", request.getContextPath() + "/login");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    };
  }
}
