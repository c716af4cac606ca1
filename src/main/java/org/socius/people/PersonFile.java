package org.socius.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.socius.people.PeopleKinds.AssetKind;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PeopleKinds.DocumentKind;

/** What is kept of a person besides their details: assets, consents, documents seen. */
public record PersonFile(List<Asset> assets, List<Consent> consents, List<Document> documents) {

  /** Something the person owns, over the period they held it (open-ended when still held). */
  public record Asset(
      UUID id,
      AssetKind kind,
      String description,
      BigDecimal value,
      LocalDate heldFrom,
      LocalDate heldTo,
      String recordedBy) {}

  /** A consent given on a date, and withdrawn on another if it was. */
  public record Consent(
      UUID id,
      ConsentPurpose purpose,
      LocalDate givenOn,
      LocalDate withdrawnOn,
      String recordedBy) {

    public boolean inForce() {
      return withdrawnOn == null;
    }
  }

  /** A document seen of the person, with the name of its scan if one was kept. */
  public record Document(
      UUID id,
      DocumentKind kind,
      String number,
      LocalDate issuedOn,
      LocalDate expiresOn,
      String recordedBy,
      String fileName) {}

  /** A document's scan. */
  public record Scan(String fileName, String contentType, byte[] content) {}
}
