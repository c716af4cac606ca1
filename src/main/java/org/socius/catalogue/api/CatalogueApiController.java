package org.socius.catalogue.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.Classification.Unit;
import org.socius.catalogue.ServiceType;
import org.socius.catalogue.ServiceTypeDetails;
import org.socius.catalogue.Standard;
import org.socius.catalogue.StandardDetails;
import org.socius.catalogue.Tariff;
import org.socius.platform.api.ETags;
import org.socius.platform.errors.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service catalogue over JSON: service types, standards and regional tariffs. */
@RestController
@Tag(name = "Catalogue", description = "Service types, standards and regional tariffs")
class CatalogueApiController {

  private final Catalogue catalogue;

  CatalogueApiController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  record ServiceTypeBody(
      @NotBlank String code,
      @NotBlank String name,
      String description,
      @NotNull Purpose purpose,
      @NotEmpty Set<BeneficiaryCategory> beneficiaryCategories,
      @NotNull Regime regime,
      @NotEmpty Set<Place> places,
      @NotNull DeliveryForm deliveryForm,
      Boolean active) {
    ServiceTypeDetails details() {
      return new ServiceTypeDetails(
          code,
          name,
          description,
          purpose,
          beneficiaryCategories,
          regime,
          places,
          deliveryForm,
          active == null || active);
    }
  }

  record StandardBody(
      @NotNull LocalDate effectiveFrom,
      @NotBlank String content,
      @NotNull Unit unit,
      @NotNull BigDecimal maxUnits,
      @NotNull NormPeriod normPeriod,
      String frequency,
      Integer durationMinutes,
      String staffQualifications,
      String qualityCriteria,
      @NotNull BigDecimal referenceUnitCost) {
    StandardDetails details() {
      return new StandardDetails(
          effectiveFrom,
          content,
          unit,
          maxUnits,
          normPeriod,
          frequency,
          durationMinutes,
          staffQualifications,
          qualityCriteria,
          referenceUnitCost);
    }
  }

  record TariffBody(
      @NotNull UUID regionId,
      @NotNull BigDecimal price,
      @NotNull LocalDate validFrom,
      LocalDate validTo) {}

  record EndTariffBody(@NotNull LocalDate validTo) {}

  @GetMapping("/api/v1/service-types")
  @Operation(summary = "Service types, filtered by any of the classification axes")
  List<ServiceType> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Purpose purpose,
      @RequestParam(required = false) BeneficiaryCategory category,
      @RequestParam(required = false) Regime regime,
      @RequestParam(required = false) Place place,
      @RequestParam(defaultValue = "false") boolean activeOnly) {
    return catalogue.search(q, purpose, category, regime, place, activeOnly);
  }

  @GetMapping("/api/v1/service-types/{id}")
  ResponseEntity<ServiceType> get(@PathVariable UUID id) {
    ServiceType type =
        catalogue.serviceType(id).orElseThrow(() -> new NotFoundException("service type", id));
    return ResponseEntity.ok().eTag(ETags.of(type.version())).body(type);
  }

  @PostMapping("/api/v1/service-types")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  ResponseEntity<ServiceType> create(@Valid @RequestBody ServiceTypeBody body) {
    ServiceType type = catalogue.defineServiceType(body.details());
    return ResponseEntity.created(URI.create("/api/v1/service-types/" + type.id()))
        .eTag(ETags.of(type.version()))
        .body(type);
  }

  @PutMapping("/api/v1/service-types/{id}")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  ResponseEntity<ServiceType> update(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ServiceTypeBody body) {
    ServiceType current =
        catalogue.serviceType(id).orElseThrow(() -> new NotFoundException("service type", id));
    int version = ETags.requireMatch(ifMatch, current.version());
    ServiceType type = catalogue.changeServiceType(id, version, body.details());
    return ResponseEntity.ok().eTag(ETags.of(type.version())).body(type);
  }

  @GetMapping("/api/v1/service-types/{id}/standards")
  List<Standard> standards(@PathVariable UUID id) {
    return catalogue.standards(id);
  }

  @GetMapping("/api/v1/service-types/{id}/standard")
  @Operation(summary = "The version of the standard in force on a day (default today)")
  Standard standardOn(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    LocalDate day = on == null ? LocalDate.now() : on;
    return catalogue.standardOn(id, day).orElseThrow(() -> new NotFoundException("standard", id));
  }

  @PostMapping("/api/v1/service-types/{id}/standards")
  @PreAuthorize("hasAnyRole('MINISTRY_ANALYST', 'ADMINISTRATOR')")
  ResponseEntity<Standard> addStandard(
      @PathVariable UUID id, @Valid @RequestBody StandardBody body) {
    Standard standard = catalogue.addStandard(id, body.details());
    return ResponseEntity.created(URI.create("/api/v1/service-types/" + id + "/standards"))
        .body(standard);
  }

  @GetMapping("/api/v1/service-types/{id}/tariffs")
  List<Tariff> tariffs(@PathVariable UUID id) {
    return catalogue.tariffs(id);
  }

  @PostMapping("/api/v1/service-types/{id}/tariffs")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'MINISTRY_ANALYST', 'ADMINISTRATOR')")
  ResponseEntity<Tariff> setTariff(@PathVariable UUID id, @Valid @RequestBody TariffBody body) {
    Tariff tariff =
        catalogue.setTariff(id, body.regionId(), body.price(), body.validFrom(), body.validTo());
    return ResponseEntity.created(URI.create("/api/v1/tariffs/" + tariff.id()))
        .eTag(ETags.of(tariff.version()))
        .body(tariff);
  }

  @GetMapping("/api/v1/tariffs/{id}")
  ResponseEntity<Tariff> tariff(@PathVariable UUID id) {
    Tariff tariff = catalogue.tariff(id).orElseThrow(() -> new NotFoundException("tariff", id));
    return ResponseEntity.ok().eTag(ETags.of(tariff.version())).body(tariff);
  }

  @PostMapping("/api/v1/tariffs/{id}/end")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'MINISTRY_ANALYST', 'ADMINISTRATOR')")
  @Operation(summary = "Set the last day a tariff is valid")
  ResponseEntity<Tariff> endTariff(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody EndTariffBody body) {
    Tariff current = catalogue.changeableTariff(id);
    int version = ETags.requireMatch(ifMatch, current.version());
    Tariff tariff = catalogue.endTariff(id, version, body.validTo());
    return ResponseEntity.ok().eTag(ETags.of(tariff.version())).body(tariff);
  }
}
