package org.socius.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load, as the benchmarks drive the server: each client sends its requests one after
 * another, each as soon as the previous answer is read. Only the exchange itself is timed, not the
 * preparing of a request.
 */
final class ClosedLoop {

  private ClosedLoop() {}

  /** One client of the load, with its own connection or session. */
  interface Client extends AutoCloseable {

    /** Prepares request number {@code i} (untimed) and answers the exchange to time. */
    Exchange prepare(int i) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** Sends a prepared request and reads its answer; throws on an answer it did not expect. */
  interface Exchange {
    void send() throws Exception;
  }

  /** Opens client number {@code n} with its own random numbers. */
  interface Clients {
    Client open(int n, Random random) throws Exception;
  }

  /** The latencies of a load, sorted, and how long it took. */
  record Latencies(List<Long> sorted, double seconds) {

    double ms(double quantile) {
      return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1))
          / 1e6;
    }

    /** One row under {@link #printHeader}. */
    void print(String label) {
      System.out.printf(
          "%-34s %8.1f %8.1f %8.1f %8.1f %10.0f%n",
          label, ms(0.50), ms(0.95), ms(0.99), sorted.getLast() / 1e6, sorted.size() / seconds);
    }
  }

  static void printHeader(String firstColumn) {
    System.out.printf(
        "%-34s %8s %8s %8s %8s %10s%n",
        firstColumn, "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
  }

  /**
   * The same load, unmeasured, {@code warmUps} times first (the JIT compiles the hot paths while it
   * runs, and a service in production answers with compiled code), then measured and printed.
   */
  static Latencies run(String label, int warmUps, int clients, int requests, Clients open)
      throws Exception {
    for (int round = 0; round < warmUps; round++) {
      measure(clients, requests, 1000 + round, open);
    }
    Latencies measured = measure(clients, requests, 0, open);
    measured.print(label);
    return measured;
  }

  /** Runs the load once; the seed makes each client's random numbers repeatable. */
  static Latencies measure(int clients, int requests, int seed, Clients open) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int n = c;
        running.add(
            pool.submit(
                () -> {
                  try (Client client = open.open(n, new Random(seed * 1_000L + n))) {
                    for (int i = 0; i < requests; i++) {
                      Exchange exchange = client.prepare(i);
                      long t0 = System.nanoTime();
                      exchange.send();
                      latencies.add(System.nanoTime() - t0);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Latencies(sorted, seconds);
  }
}
