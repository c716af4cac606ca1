package org.socius.providers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.platform.Ids;
import org.socius.providers.Application;
import org.socius.providers.Application.AppliedService;
import org.socius.providers.Application.DocumentInfo;
import org.socius.providers.Application.Event;
import org.socius.providers.ApplicationSummary;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.Decision;
import org.socius.providers.ProviderKinds.DocumentKind;
import org.socius.providers.ProviderKinds.RefusalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications with their services, documents and history. */
@Repository
public class ApplicationRecords {

  private static final String COLUMNS =
      "id, provider_id, region_id, status, submitted_at, due_on, decided_at, version";

  private final JdbcClient jdbc;

  ApplicationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Application> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from providers.application where id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  private static final String SUMMARY =
      "select a.id, a.provider_id, p.legal_name, a.region_id, a.status, a.submitted_at, a.due_on,"
          + " (select count(*) from providers.application_service s where s.application_id = a.id)"
          + " from providers.application a join providers.provider p on p.id = a.provider_id";

  public List<ApplicationSummary> ofProvider(UUID providerId) {
    return jdbc.sql(SUMMARY + " where a.provider_id = :p order by a.created_at desc")
        .param("p", providerId)
        .query(ApplicationRecords::summary)
        .list();
  }

  /**
   * The applications a region reviews: all but drafts, open ones first, the nearest deadline first.
   */
  public List<ApplicationSummary> forReview(ApplicationStatus status) {
    return jdbc.sql(
            SUMMARY
                + " where a.status <> 'DRAFT'"
                + (status == null ? "" : " and a.status = :status")
                + " order by (a.status in ('SUBMITTED', 'INFORMATION_REQUESTED', 'APPEALED')) desc,"
                + " a.due_on nulls last, a.submitted_at")
        .params(status == null ? Map.of() : Map.of("status", status.name()))
        .query(ApplicationRecords::summary)
        .list();
  }

  private static ApplicationSummary summary(ResultSet rs, int row) throws SQLException {
    return new ApplicationSummary(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getObject(4, UUID.class),
        ApplicationStatus.valueOf(rs.getString(5)),
        rs.getObject(6, OffsetDateTime.class),
        rs.getObject(7, LocalDate.class),
        rs.getInt(8));
  }

  public void insert(UUID id, UUID providerId, UUID regionId) {
    jdbc.sql(
            "insert into providers.application (id, provider_id, region_id, status)"
                + " values (:id, :p, :r, 'DRAFT')")
        .param("id", id)
        .param("p", providerId)
        .param("r", regionId)
        .update();
  }

  /** Moves an application on if it is still at the version the decision was made from. */
  public boolean transition(
      UUID id,
      int version,
      ApplicationStatus status,
      OffsetDateTime submittedAt,
      LocalDate dueOn,
      OffsetDateTime decidedAt) {
    return jdbc.sql(
                """
                update providers.application set status = :status,
                  submitted_at = coalesce(:submitted, submitted_at), due_on = coalesce(:due, due_on),
                  decided_at = :decided, version = version + 1
                where id = :id and version = :version""")
            .param("status", status.name())
            .param("submitted", submittedAt)
            .param("due", dueOn)
            .param("decided", decidedAt)
            .param("id", id)
            .param("version", version)
            .update()
        == 1;
  }

  public void addService(UUID applicationId, UUID regionId, AppliedService s) {
    jdbc.sql(
            """
            insert into providers.application_service (id, application_id, region_id,
              service_type_id, service_point_id, capacity)
            values (:id, :a, :r, :type, :point, :capacity)""")
        .param("id", s.id())
        .param("a", applicationId)
        .param("r", regionId)
        .param("type", s.serviceTypeId())
        .param("point", s.servicePointId())
        .param("capacity", s.capacity())
        .update();
  }

  public void removeService(UUID applicationId, UUID serviceId) {
    jdbc.sql("delete from providers.application_service where application_id = :a and id = :id")
        .param("a", applicationId)
        .param("id", serviceId)
        .update();
  }

  /** Decides a pending service; false if somebody decided it meanwhile. */
  public boolean decide(
      UUID serviceId, Decision decision, RefusalReason reason, String text, OffsetDateTime at) {
    return jdbc.sql(
                """
                update providers.application_service set decision = :decision,
                  refusal_reason = :reason, refusal_text = :text, decided_at = :at
                where id = :id and decision = 'PENDING'""")
            .param("decision", decision.name())
            .param("reason", reason == null ? null : reason.name())
            .param("text", text)
            .param("at", at)
            .param("id", serviceId)
            .update()
        == 1;
  }

  public void appeal(UUID serviceId, String text) {
    jdbc.sql(
            "update providers.application_service set appeal_text = :text, decision = 'PENDING'"
                + " where id = :id")
        .param("text", text)
        .param("id", serviceId)
        .update();
  }

  public void addDocument(
      UUID id,
      UUID providerId,
      UUID applicationId,
      UUID regionId,
      DocumentKind kind,
      String filename,
      String contentType,
      byte[] content,
      String uploadedBy) {
    jdbc.sql(
            """
            insert into providers.document (id, provider_id, application_id, region_id, kind,
              filename, content_type, size_bytes, content, uploaded_by)
            values (:id, :p, :a, :r, :kind, :filename, :type, :size, :content, :by)""")
        .param("id", id)
        .param("p", providerId)
        .param("a", applicationId)
        .param("r", regionId)
        .param("kind", kind.name())
        .param("filename", filename)
        .param("type", contentType)
        .param("size", content.length)
        .param("content", content)
        .param("by", uploadedBy)
        .update();
  }

  /** A document's name, type and bytes, if it belongs to the application. */
  public Optional<StoredFile> document(UUID applicationId, UUID documentId) {
    return jdbc.sql(
            "select filename, content_type, content from providers.document"
                + " where id = :id and application_id = :a")
        .param("id", documentId)
        .param("a", applicationId)
        .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional();
  }

  public void addEvent(UUID applicationId, UUID regionId, String actor, String kind, String note) {
    jdbc.sql(
            """
            insert into providers.application_event (id, application_id, region_id, actor_name,
              kind, note)
            values (:id, :a, :r, :actor, :kind, :note)""")
        .param("id", Ids.newId())
        .param("a", applicationId)
        .param("r", regionId)
        .param("actor", actor)
        .param("kind", kind)
        .param("note", note == null ? "" : note)
        .update();
  }

  /** A stored file. */
  public record StoredFile(String filename, String contentType, byte[] content) {}

  private Application map(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Application(
        id,
        rs.getObject("provider_id", UUID.class),
        rs.getObject("region_id", UUID.class),
        ApplicationStatus.valueOf(rs.getString("status")),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("decided_at", OffsetDateTime.class),
        services(id),
        documents(id),
        events(id),
        rs.getInt("version"));
  }

  private List<AppliedService> services(UUID applicationId) {
    return jdbc.sql(
            """
            select id, service_type_id, service_point_id, capacity, decision, refusal_reason,
              refusal_text, appeal_text
            from providers.application_service where application_id = :a order by id""")
        .param("a", applicationId)
        .query(
            (rs, n) -> {
              String reason = rs.getString("refusal_reason");
              return new AppliedService(
                  rs.getObject("id", UUID.class),
                  rs.getObject("service_type_id", UUID.class),
                  rs.getObject("service_point_id", UUID.class),
                  rs.getInt("capacity"),
                  Decision.valueOf(rs.getString("decision")),
                  reason == null ? null : RefusalReason.valueOf(reason),
                  rs.getString("refusal_text"),
                  rs.getString("appeal_text"));
            })
        .list();
  }

  private List<DocumentInfo> documents(UUID applicationId) {
    return jdbc.sql(
            """
            select id, kind, filename, content_type, size_bytes, uploaded_at, uploaded_by
            from providers.document where application_id = :a order by uploaded_at""")
        .param("a", applicationId)
        .query(
            (rs, n) ->
                new DocumentInfo(
                    rs.getObject(1, UUID.class),
                    DocumentKind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getObject(6, OffsetDateTime.class),
                    rs.getString(7)))
        .list();
  }

  private List<Event> events(UUID applicationId) {
    return jdbc.sql(
            "select at, actor_name, kind, note from providers.application_event"
                + " where application_id = :a order by at, id")
        .param("a", applicationId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getObject(1, OffsetDateTime.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }
}
