package org.socius.platform.security;

/** What a person does in Socius; navigation, pages and API endpoints are granted by role. */
public enum Role {
  /** Manages users, roles and territories of the whole installation or of one territory. */
  ADMINISTRATOR,
  /** Ministry analyst: standards, catalogue, programme rules, national figures. */
  MINISTRY_ANALYST,
  /** Regional officer: the regional register of providers, procurement, budgets, calendars. */
  REGIONAL_OFFICER,
  /** Municipal case worker: intake, assessment, plans, referrals. */
  CASE_WORKER,
  /** Member of a multidisciplinary team from health, education or employment. */
  TEAM_SPECIALIST,
  /** Staff of a service provider: applications, delivery records, claims. */
  PROVIDER_STAFF,
  /** Inspector: inspections, complaints, incidents. */
  INSPECTOR,
  /** Auditor: reads the audit log and checks that it was not tampered with. */
  AUDITOR,
  /** Beneficiary or legal representative. */
  BENEFICIARY;

  /** The authority name Spring Security checks, e.g. {@code ROLE_AUDITOR}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Message key of the role's name in the UI bundles. */
  public String messageKey() {
    return "role." + name();
  }
}
