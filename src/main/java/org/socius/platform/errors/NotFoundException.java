package org.socius.platform.errors;

/**
 * No such record, or one outside the actor's territory: both answer the same, so that the
 * answer never hints that a record exists elsewhere.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
  }
}
