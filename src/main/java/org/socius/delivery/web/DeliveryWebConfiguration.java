package org.socius.delivery.web;

import java.util.EnumSet;
import org.socius.platform.security.Role;
import org.socius.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivery in the navigation: a provider's staff record what they deliver and follow their claims;
 * workers settle the deliveries their clients dispute; the regional officer reviews claims and pays
 * them.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryWebConfiguration {

  @Bean
  NavigationItem providerDeliveriesNavigation() {
    return new NavigationItem(
        "nav.providerDeliveries", "/provider-deliveries", EnumSet.of(Role.PROVIDER_STAFF), 36);
  }

  @Bean
  NavigationItem deliveryDisputesNavigation() {
    return new NavigationItem(
        "nav.deliveryDisputes",
        "/delivery-disputes",
        EnumSet.of(Role.CASE_WORKER, Role.REGIONAL_OFFICER),
        36);
  }

  @Bean
  NavigationItem providerClaimsNavigation() {
    return new NavigationItem(
        "nav.providerClaims", "/provider-claims", EnumSet.of(Role.PROVIDER_STAFF), 37);
  }

  @Bean
  NavigationItem claimsNavigation() {
    return new NavigationItem("nav.claims", "/claims", EnumSet.of(Role.REGIONAL_OFFICER), 37);
  }

  @Bean
  NavigationItem paymentsNavigation() {
    return new NavigationItem("nav.payments", "/payments", EnumSet.of(Role.REGIONAL_OFFICER), 38);
  }

  @Bean
  NavigationItem providerVouchersNavigation() {
    return new NavigationItem(
        "nav.providerVouchers", "/provider-vouchers", EnumSet.of(Role.PROVIDER_STAFF), 38);
  }

  @Bean
  NavigationItem voucherSchemesNavigation() {
    return new NavigationItem(
        "nav.voucherSchemes", "/voucher-schemes", EnumSet.of(Role.REGIONAL_OFFICER), 39);
  }

  @Bean
  NavigationItem budgetsNavigation() {
    return new NavigationItem("nav.budgets", "/budgets", EnumSet.of(Role.REGIONAL_OFFICER), 39);
  }
}
