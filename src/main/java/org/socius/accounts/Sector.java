package org.socius.accounts;

/** The sector a team specialist comes from; case management brings them together. */
public enum Sector {
  /** Social protection services. */
  SOCIAL_PROTECTION,
  /** Health care. */
  HEALTH,
  /** Education. */
  EDUCATION,
  /** Employment services. */
  EMPLOYMENT
}
