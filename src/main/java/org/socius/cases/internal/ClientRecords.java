package org.socius.cases.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.cases.Case;
import org.socius.cases.CaseAccess;
import org.socius.cases.ClientMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of clients' access to their cases and of the messages between clients and workers. A
 * client's account sees its own access and the messages of the cases it has access to.
 */
@Repository
public class ClientRecords {

  private static final String ACCESS_COLUMNS =
      "id, case_id, user_id, display_name, capacity, given_at, given_by";
  private static final String MESSAGE_COLUMNS =
      "id, case_id, from_client, author, author_name, body, sent_at, read_at";

  private final JdbcClient jdbc;

  ClientRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertAccess(Case c, CaseAccess a) {
    jdbc.sql(
            """
            insert into cases.case_access (id, case_id, region_id, municipality_id, user_id,
              display_name, capacity, given_at, given_by)
            values (:id, :c, :region, :municipality, :user, :name, :capacity, :at, :by)""")
        .param("id", a.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("user", a.userId())
        .param("name", a.displayName())
        .param("capacity", a.capacity().name())
        .param("at", a.givenAt())
        .param("by", a.givenBy())
        .update();
  }

  /** Ends an access still live; false if there was none. */
  public boolean endAccess(UUID caseId, UUID accessId, OffsetDateTime at, String by) {
    return jdbc.sql(
                """
                update cases.case_access set ended_at = :at, ended_by = :by
                where id = :id and case_id = :c and ended_at is null""")
            .param("id", accessId)
            .param("c", caseId)
            .param("at", at)
            .param("by", by)
            .update()
        == 1;
  }

  /** The live access to a case, in the order it was given. */
  public List<CaseAccess> accessTo(UUID caseId) {
    return jdbc.sql(
            "select "
                + ACCESS_COLUMNS
                + " from cases.case_access where case_id = :c and ended_at is null"
                + " order by given_at")
        .param("c", caseId)
        .query((rs, n) -> access(rs))
        .list();
  }

  /** A user's live access to cases, the latest given first. */
  public List<CaseAccess> accessOf(UUID userId) {
    return jdbc.sql(
            "select "
                + ACCESS_COLUMNS
                + " from cases.case_access where user_id = :u and ended_at is null"
                + " order by given_at desc")
        .param("u", userId)
        .query((rs, n) -> access(rs))
        .list();
  }

  /** A user's live access to one case. */
  public Optional<CaseAccess> accessOf(UUID userId, UUID caseId) {
    return jdbc.sql(
            "select "
                + ACCESS_COLUMNS
                + " from cases.case_access where user_id = :u and case_id = :c"
                + " and ended_at is null")
        .param("u", userId)
        .param("c", caseId)
        .query((rs, n) -> access(rs))
        .optional();
  }

  public void insertMessage(Case c, ClientMessage m) {
    jdbc.sql(
            """
            insert into cases.client_message (id, case_id, region_id, municipality_id,
              from_client, author, author_name, body, sent_at)
            values (:id, :c, :region, :municipality, :fromClient, :author, :name, :body, :at)""")
        .param("id", m.id())
        .param("c", c.id())
        .param("region", c.regionId())
        .param("municipality", c.municipalityId())
        .param("fromClient", m.fromClient())
        .param("author", m.author())
        .param("name", m.authorName())
        .param("body", m.body())
        .param("at", m.sentAt())
        .update();
  }

  /** A case's messages, the oldest first, as a conversation reads. */
  public List<ClientMessage> messages(UUID caseId) {
    return jdbc.sql(
            "select "
                + MESSAGE_COLUMNS
                + " from cases.client_message where case_id = :c order by sent_at, id")
        .param("c", caseId)
        .query(
            (rs, n) ->
                new ClientMessage(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getBoolean(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, OffsetDateTime.class),
                    rs.getObject(8, OffsetDateTime.class)))
        .list();
  }

  /** Marks read what the other side sent: the client's messages for a worker, and back. */
  public void markRead(UUID caseId, boolean fromClient, OffsetDateTime at) {
    jdbc.sql(
            """
            update cases.client_message set read_at = :at
            where case_id = :c and from_client = :fromClient and read_at is null""")
        .param("c", caseId)
        .param("fromClient", fromClient)
        .param("at", at)
        .update();
  }

  private static CaseAccess access(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CaseAccess(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        CaseAccess.Capacity.valueOf(rs.getString(5)),
        rs.getObject(6, OffsetDateTime.class),
        rs.getString(7));
  }
}
