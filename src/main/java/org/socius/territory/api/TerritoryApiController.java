package org.socius.territory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.socius.platform.api.ETags;
import org.socius.platform.api.ImportReport;
import org.socius.platform.api.PageResponse;
import org.socius.platform.errors.NotFoundException;
import org.socius.territory.NewTerritoryUnit;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The territorial hierarchy over JSON. */
@RestController
@RequestMapping("/api/v1/territories")
@Tag(name = "Territory", description = "National, regional, municipal and settlement units")
class TerritoryApiController {

  private final Territories territories;

  TerritoryApiController(Territories territories) {
    this.territories = territories;
  }

  /** A unit as the API shows it. */
  record TerritoryView(
      UUID id,
      TerritoryLevel level,
      UUID parentId,
      String code,
      String name,
      UUID regionId,
      UUID municipalityId,
      int version) {
    static TerritoryView of(TerritoryUnit u) {
      return new TerritoryView(
          u.id(),
          u.level(),
          u.parentId(),
          u.code(),
          u.name(),
          u.regionId(),
          u.municipalityId(),
          u.version());
    }
  }

  record CreateTerritory(
      @NotNull TerritoryLevel level, UUID parentId, @NotBlank String code, @NotBlank String name) {}

  record RenameTerritory(@NotBlank String code, @NotBlank String name) {}

  @GetMapping
  @Operation(summary = "Search units by level, parent and name or code")
  PageResponse<TerritoryView> list(
      @RequestParam(required = false) TerritoryLevel level,
      @RequestParam(required = false) UUID parentId,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return territories.search(level, parentId, q, page, size).map(TerritoryView::of);
  }

  @GetMapping("/{id}")
  ResponseEntity<TerritoryView> get(@PathVariable UUID id) {
    TerritoryUnit unit =
        territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
    return ResponseEntity.ok().eTag(ETags.of(unit.version())).body(TerritoryView.of(unit));
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  ResponseEntity<TerritoryView> create(@Valid @RequestBody CreateTerritory body) {
    TerritoryUnit unit =
        territories.create(
            new NewTerritoryUnit(body.level(), body.parentId(), body.code(), body.name()));
    return ResponseEntity.created(URI.create("/api/v1/territories/" + unit.id()))
        .eTag(ETags.of(unit.version()))
        .body(TerritoryView.of(unit));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGIONAL_OFFICER')")
  ResponseEntity<TerritoryView> rename(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody RenameTerritory body) {
    TerritoryUnit current =
        territories
            .find(id)
            .filter(territories::mayChange)
            .orElseThrow(() -> new NotFoundException("territory", id));
    int version = ETags.requireMatch(ifMatch, current.version());
    TerritoryUnit unit = territories.rename(id, version, body.code(), body.name());
    return ResponseEntity.ok().eTag(ETags.of(unit.version())).body(TerritoryView.of(unit));
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Import units from CSV (code,level,parent_code,name); all or nothing")
  ResponseEntity<ImportReport> importCsv(@RequestBody String csv) {
    ImportReport report = territories.importCsv(csv);
    return ResponseEntity.status(
            report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }
}
