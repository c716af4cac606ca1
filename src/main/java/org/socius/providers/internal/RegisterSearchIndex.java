package org.socius.providers.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.platform.security.CurrentScope;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.PublicRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The active part of the register held in memory for searching: every public search and every
 * choice of provider asks "which services of this type, here, nearest first", many times a second,
 * while the register itself changes a few times a day. Answering from memory costs microseconds and
 * no database work; PostgreSQL stays the record, and the index is rebuilt from it whenever it
 * changes.
 *
 * <p>Freshness: a change made on this node rebuilds the index before the changing request returns
 * (read your own writes); a change made on another node is noticed by a check every two seconds of
 * a fingerprint of the register (number of rows and sum of their versions, and every change of a
 * registered service, its provider or its service point raises a version).
 */
@Component
public class RegisterSearchIndex {

  private static final Logger log = LoggerFactory.getLogger(RegisterSearchIndex.class);

  /** PostgreSQL's earthdistance sphere, so that distances agree with the database's. */
  static final double EARTH_RADIUS_M = 6_378_168;

  /**
   * The entries of one service type (or of all) in register order, with what the search reads of
   * each in flat arrays: a scan over thousands of entries then runs through contiguous memory
   * instead of chasing a pointer per entry. Positions are points on the unit sphere; territories
   * and provider types are small integer codes.
   */
  private record Block(
      PublicRegister.Entry[] entries,
      double[] x,
      double[] y,
      double[] z,
      int[] region,
      int[] municipality,
      byte[] providerType) {

    static final Block EMPTY =
        new Block(
            new PublicRegister.Entry[0],
            new double[0],
            new double[0],
            new double[0],
            new int[0],
            new int[0],
            new byte[0]);

    static Block of(List<PublicRegister.Entry> entries, Map<UUID, Integer> codes) {
      int n = entries.size();
      Block block =
          new Block(
              entries.toArray(PublicRegister.Entry[]::new),
              new double[n],
              new double[n],
              new double[n],
              new int[n],
              new int[n],
              new byte[n]);
      for (int i = 0; i < n; i++) {
        PublicRegister.Entry e = entries.get(i);
        double[] v = unitVector(e.latitude(), e.longitude());
        block.x[i] = v[0];
        block.y[i] = v[1];
        block.z[i] = v[2];
        block.region[i] = codes.computeIfAbsent(e.regionId(), id -> codes.size() + 1);
        block.municipality[i] = codes.computeIfAbsent(e.municipalityId(), id -> codes.size() + 1);
        block.providerType[i] = (byte) e.providerType().ordinal();
      }
      return block;
    }

    int size() {
      return entries.length;
    }
  }

  /** One complete state of the index; searches read it without locks. */
  private record Snapshot(
      String fingerprint, Block all, Map<UUID, Block> byType, Map<UUID, Integer> codes) {
    static final Snapshot EMPTY = new Snapshot("", Block.EMPTY, Map.of(), Map.of());
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate reading;
  private volatile Snapshot current = Snapshot.EMPTY;
  private volatile boolean loaded;

  RegisterSearchIndex(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.reading = new TransactionTemplate(transactions);
    // A rebuild may run just after another transaction committed, still inside its completion.
    reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    reading.setReadOnly(true);
  }

  /** The filters of a search; null means any. */
  public record Query(
      UUID serviceTypeId,
      UUID regionId,
      UUID municipalityId,
      ProviderType providerType,
      PublicRegister.Near near) {}

  /** A page of matches and how many there are in all. */
  public record Result(List<PublicRegister.Entry> items, long total) {}

  /**
   * Matching entries in register order (provider, then service point), or nearest first when the
   * query has a point; a radius bounds the distance.
   */
  public Result search(Query query, int page, int size) {
    if (!loaded) {
      loadOnce();
    }
    Snapshot snapshot = current;
    Block block =
        query.serviceTypeId() == null
            ? snapshot.all()
            : snapshot.byType().getOrDefault(query.serviceTypeId(), Block.EMPTY);
    // A territory the register does not know matches nothing: code -1; "any" is code 0.
    int region = code(snapshot, query.regionId());
    int municipality = code(snapshot, query.municipalityId());
    int providerType = query.providerType() == null ? -1 : query.providerType().ordinal();
    long offset = (long) page * size;
    PublicRegister.Near near = query.near();
    if (near == null) {
      List<PublicRegister.Entry> items = new ArrayList<>(size);
      long total = 0;
      for (int i = 0; i < block.size(); i++) {
        if (matches(block, i, region, municipality, providerType)) {
          if (total >= offset && items.size() < size) {
            items.add(block.entries()[i]);
          }
          total++;
        }
      }
      return new Result(items, total);
    }
    double[] q = unitVector(near.latitude(), near.longitude());
    // Distance on the sphere grows with the straight chord between two points: the squared
    // chord orders and bounds without a trigonometric function per entry.
    double maxSquare = Double.MAX_VALUE;
    if (near.radiusKm() != null) {
      double chord =
          2 * Math.sin(Math.min(Math.PI / 2, near.radiusKm() * 1000 / EARTH_RADIUS_M / 2));
      maxSquare = chord * chord;
    }
    Nearest nearest = new Nearest((int) Math.min(offset + size, block.size()));
    long total = 0;
    double[] xs = block.x();
    double[] ys = block.y();
    double[] zs = block.z();
    for (int i = 0; i < xs.length; i++) {
      double dx = xs[i] - q[0];
      double dy = ys[i] - q[1];
      double dz = zs[i] - q[2];
      double square = dx * dx + dy * dy + dz * dz;
      if (square <= maxSquare && matches(block, i, region, municipality, providerType)) {
        total++;
        nearest.offer(square, i);
      }
    }
    int[] order = nearest.sortedIndexes();
    List<PublicRegister.Entry> items = new ArrayList<>(size);
    for (long k = offset; k < order.length && items.size() < size; k++) {
      int i = order[(int) k];
      double dx = xs[i] - q[0];
      double dy = ys[i] - q[1];
      double dz = zs[i] - q[2];
      double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
      double km = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, chord / 2)) / 1000;
      items.add(block.entries()[i].at(km));
    }
    return new Result(items, total);
  }

  private static int code(Snapshot snapshot, UUID territory) {
    return territory == null ? 0 : snapshot.codes().getOrDefault(territory, -1);
  }

  private static boolean matches(
      Block block, int i, int region, int municipality, int providerType) {
    return (region == 0 || block.region()[i] == region)
        && (municipality == 0 || block.municipality()[i] == municipality)
        && (providerType < 0 || block.providerType()[i] == providerType);
  }

  /**
   * Rebuilds the index once the current transaction commits (at once if there is none), so that the
   * request that changed the register finds the change in its next search.
   */
  public void rebuildOnCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      rebuildQuietly();
      return;
    }
    // One rebuild per transaction, however many rows it changed (an import changes thousands).
    if (TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            rebuildQuietly();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RegisterSearchIndex.this);
          }
        });
  }

  /**
   * Puts a service's new number of free places into the index once the current transaction commits.
   * Taking and giving back places happens many times a day; each would otherwise rebuild the whole
   * index. The entry is replaced in place, where searches pick it up as they find it; other nodes
   * see the number at their next rebuild, and a client's choice always reads it afresh.
   */
  public void freePlacesChangedOnCommit(UUID registeredServiceId, int free) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      patchFreePlaces(registeredServiceId, free);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            patchFreePlaces(registeredServiceId, free);
          }
        });
  }

  private void patchFreePlaces(UUID registeredServiceId, int free) {
    Snapshot snapshot = current;
    UUID type = patch(snapshot.all(), registeredServiceId, free);
    if (type != null) {
      patch(snapshot.byType().getOrDefault(type, Block.EMPTY), registeredServiceId, free);
    }
  }

  /** Replaces a service's entry in a block; its service type, or null if the block lacks it. */
  private static UUID patch(Block block, UUID registeredServiceId, int free) {
    PublicRegister.Entry[] entries = block.entries();
    for (int i = 0; i < entries.length; i++) {
      if (entries[i].registeredServiceId().equals(registeredServiceId)) {
        entries[i] = entries[i].withFreePlaces(free);
        return entries[i].serviceTypeId();
      }
    }
    return null;
  }

  /**
   * A rebuild after a commit must not turn the committed change into an error for the client; if it
   * fails, the index is marked stale and the next check rebuilds it.
   */
  private void rebuildQuietly() {
    try {
      rebuild();
    } catch (RuntimeException e) {
      log.warn("Register search index not rebuilt after a change; the next check will", e);
      Snapshot stale = current;
      current = new Snapshot("stale", stale.all(), stale.byType(), stale.codes());
    }
  }

  /** Notices changes made by other nodes (or straight in the database). */
  @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
  public void checkForChanges() {
    if (loaded && !fingerprint().equals(current.fingerprint())) {
      rebuild();
    }
  }

  private synchronized void loadOnce() {
    if (!loaded) {
      rebuild();
    }
  }

  /** Reads the active register afresh; one rebuild at a time. */
  synchronized void rebuild() {
    long started = System.nanoTime();
    Snapshot snapshot = CurrentScope.asSystem(() -> reading.execute(status -> read()));
    current = snapshot;
    loaded = true;
    log.debug(
        "Register search index: {} entries in {} ms",
        snapshot.all().size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private Snapshot read() {
    // Taken first: a change committed while the rows are read shows as a new fingerprint at the
    // next check, which rebuilds again.
    String fingerprint = fingerprintQuery();
    List<PublicRegister.Entry> entries =
        jdbc.sql(
                """
                select r.id, p.id as provider_id, p.legal_name, r.provider_type, r.service_type_id,
                  sp.id as point_id, sp.name, sp.address, r.region_id, r.municipality_id,
                  sp.latitude, sp.longitude, r.capacity, r.capacity - r.occupied as free
                from providers.registered_service r
                join providers.provider p on p.id = r.provider_id
                join providers.service_point sp on sp.id = r.service_point_id
                where r.status = 'ACTIVE'
                order by p.legal_name, sp.name, r.id""")
            .query(
                (rs, n) ->
                    new PublicRegister.Entry(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        ProviderType.valueOf(rs.getString(4)),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, UUID.class),
                        rs.getObject(10, UUID.class),
                        rs.getDouble(11),
                        rs.getDouble(12),
                        rs.getInt(13),
                        rs.getInt(14),
                        null))
            .list();
    Map<UUID, Integer> codes = new HashMap<>();
    Map<UUID, List<PublicRegister.Entry>> byType = new HashMap<>();
    for (PublicRegister.Entry e : entries) {
      byType.computeIfAbsent(e.serviceTypeId(), t -> new ArrayList<>()).add(e);
    }
    Map<UUID, Block> blocks = new HashMap<>();
    byType.forEach((type, list) -> blocks.put(type, Block.of(list, codes)));
    Block all = Block.of(entries, codes);
    return new Snapshot(fingerprint, all, Map.copyOf(blocks), Map.copyOf(codes));
  }

  private String fingerprint() {
    return CurrentScope.asSystem(() -> reading.execute(status -> fingerprintQuery()));
  }

  private String fingerprintQuery() {
    return jdbc.sql(
            "select count(*) || '/' || coalesce(sum(version), 0) from providers.registered_service")
        .query(String.class)
        .single();
  }

  private static double[] unitVector(double latitude, double longitude) {
    double lat = Math.toRadians(latitude);
    double lon = Math.toRadians(longitude);
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  /**
   * The k smallest keys seen, kept in a max-heap so that each offer costs at most log k; ties keep
   * register order, so that pages are stable.
   */
  private static final class Nearest {
    private final double[] keys;
    private final int[] indexes;
    private int size;

    Nearest(int capacity) {
      keys = new double[capacity];
      indexes = new int[capacity];
    }

    void offer(double key, int index) {
      if (keys.length == 0) {
        return;
      }
      if (size < keys.length) {
        keys[size] = key;
        indexes[size] = index;
        up(size++);
      } else if (before(key, index, keys[0], indexes[0])) {
        keys[0] = key;
        indexes[0] = index;
        down(0);
      }
    }

    int[] sortedIndexes() {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) ->
              keys[a] != keys[b]
                  ? Double.compare(keys[a], keys[b])
                  : Integer.compare(indexes[a], indexes[b]));
      int[] result = new int[size];
      for (int i = 0; i < size; i++) {
        result[i] = indexes[order[i]];
      }
      return result;
    }

    private static boolean before(double key, int index, double otherKey, int otherIndex) {
      return key < otherKey || (key == otherKey && index < otherIndex);
    }

    private void up(int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!before(keys[parent], indexes[parent], keys[i], indexes[i])) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void down(int i) {
      while (true) {
        int left = 2 * i + 1;
        int right = left + 1;
        int largest = i;
        if (left < size && before(keys[largest], indexes[largest], keys[left], indexes[left])) {
          largest = left;
        }
        if (right < size && before(keys[largest], indexes[largest], keys[right], indexes[right])) {
          largest = right;
        }
        if (largest == i) {
          return;
        }
        swap(i, largest);
        i = largest;
      }
    }

    private void swap(int a, int b) {
      double key = keys[a];
      keys[a] = keys[b];
      keys[b] = key;
      int index = indexes[a];
      indexes[a] = indexes[b];
      indexes[b] = index;
    }
  }
}
