package org.socius.people;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household member as rules see them, read in bulk for a recertification: no names, only what a
 * programme's criteria may use. Income is the sum, in cents, of the months asked for.
 */
public record MemberFacts(
    UUID householdId,
    UUID regionId,
    UUID municipalityId,
    LocalDate dateOfBirth,
    PeopleKinds.Sex sex,
    PeopleKinds.Relation relation,
    PeopleKinds.DisabilityDegree disabilityDegree,
    List<PeopleKinds.Category> categories,
    boolean statutorySupporter,
    long incomeCents) {

  /** Age in whole years on a date. */
  public int ageOn(LocalDate date) {
    return java.time.Period.between(dateOfBirth, date).getYears();
  }
}
