package org.socius.platform.security;

/** How far a user's or a job's view of territorial data reaches. */
public enum ScopeLevel {
  /** The whole country. */
  NATIONAL,
  /** One region and everything in it. */
  REGION,
  /** One municipality and everything in it. */
  MUNICIPALITY,
  /** Internal work of the system itself (start-up, jobs, login look-up): sees everything. */
  SYSTEM,
  /** Nobody is acting (anonymous): sees no territorial data. */
  NONE
}
