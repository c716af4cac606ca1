package org.socius.people;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.Sex;

/** A person as a worker writes them down; names in any script. */
public record PersonDetails(
    String familyName,
    String givenNames,
    LocalDate dateOfBirth,
    Sex sex,
    String identifier,
    UUID municipalityId,
    String registeredAddress,
    String actualAddress,
    String phone,
    String email,
    DisabilityDegree disabilityDegree,
    LocalDate disabilityAssessedOn,
    Set<Category> categories) {}
