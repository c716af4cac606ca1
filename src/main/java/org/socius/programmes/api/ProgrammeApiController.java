package org.socius.programmes.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.platform.errors.InvalidInputException;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.HouseholdFacts;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Programmes and the versions of their rules, for the ministry's analysts. */
@RestController
@Tag(name = "Programmes", description = "Programmes, rule versions, trials and publication")
class ProgrammeApiController {

  private final Programmes programmes;

  ProgrammeApiController(Programmes programmes) {
    this.programmes = programmes;
  }

  /**
   * Sample households to try a version on; {@code otherBenefits}, if given, is what each receives
   * from the programmes considered before this one, in cents a month, in the same order.
   */
  record TrialBody(
      UUID regionId,
      List<List<HouseholdFacts.SampleMember>> households,
      List<Long> otherBenefits) {}

  @GetMapping("/api/v1/programmes")
  List<Programme> all() {
    return programmes.all();
  }

  @GetMapping("/api/v1/programmes/{id}")
  Programme programme(@PathVariable UUID id) {
    return programmes.get(id);
  }

  @PostMapping("/api/v1/programmes")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  ResponseEntity<Programme> create(@RequestBody Programmes.NewProgramme body) {
    Programme created = programmes.create(body);
    return ResponseEntity.created(URI.create("/api/v1/programmes/" + created.id())).body(created);
  }

  @PostMapping("/api/v1/programmes/{id}/versions")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  @Operation(summary = "Save a draft version of the rules; publishing checks it")
  ResponseEntity<Programme.Version> draft(
      @PathVariable UUID id, @RequestBody Programmes.Draft body) {
    Programme.Version version = programmes.draft(id, body);
    return ResponseEntity.created(URI.create("/api/v1/programme-versions/" + version.id()))
        .body(version);
  }

  @GetMapping("/api/v1/programme-versions/{id}")
  Programme.Version version(@PathVariable UUID id) {
    return programmes.version(id);
  }

  @PostMapping("/api/v1/programme-versions/{id}/trials")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  @Operation(
      summary = "Evaluate a version on sample households, with the explanation of each outcome",
      description =
          "Members' incomes are monthly, in cents. A version that does not compile"
              + " answers 400 with the compiler's message and position (PRG-0105).")
  List<CompiledRules.Evaluation> trial(@PathVariable UUID id, @RequestBody TrialBody body) {
    if (body.households() == null
        || body.households().isEmpty()
        || body.households().stream().anyMatch(h -> h == null || h.isEmpty())) {
      throw InvalidInputException.of("households", "PRG-0210");
    }
    if (body.otherBenefits() != null && body.otherBenefits().size() != body.households().size()) {
      throw InvalidInputException.of("otherBenefits", "PRG-0215");
    }
    List<Map<String, Object>> facts = new ArrayList<>();
    for (int i = 0; i < body.households().size(); i++) {
      facts.add(
          HouseholdFacts.ofSample(
              new HouseholdFacts.SampleHousehold(
                  body.households().get(i),
                  body.otherBenefits() == null ? null : body.otherBenefits().get(i))));
    }
    return programmes.test(id, body.regionId(), facts);
  }

  @PostMapping("/api/v1/programme-versions/{id}/publication")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  @Operation(summary = "Publish a draft version; refused if it does not compile everywhere")
  Programme.Version publish(@PathVariable UUID id) {
    return programmes.publish(id);
  }
}
