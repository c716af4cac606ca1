package org.socius.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.Sex;

/** A person in the register, as recorded since {@code validFrom}. */
public record Person(
    UUID id,
    UUID regionId,
    UUID municipalityId,
    String familyName,
    String givenNames,
    LocalDate dateOfBirth,
    Sex sex,
    String identifier,
    String registeredAddress,
    String actualAddress,
    String phone,
    String email,
    DisabilityDegree disabilityDegree,
    LocalDate disabilityAssessedOn,
    Set<Category> categories,
    OffsetDateTime validFrom,
    int version) {

  /** The details as a worker would write them down again, to check or change them. */
  public PersonDetails details() {
    return new PersonDetails(
        familyName,
        givenNames,
        dateOfBirth,
        sex,
        identifier,
        municipalityId,
        registeredAddress,
        actualAddress,
        phone,
        email,
        disabilityDegree,
        disabilityAssessedOn,
        categories);
  }

  /** Age in whole years on a date. */
  public int ageOn(LocalDate date) {
    return java.time.Period.between(dateOfBirth, date).getYears();
  }
}
