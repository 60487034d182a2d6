package org.engagementledger.sample.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Appends from several client threads at once, each on its own engagements: the ledger's commands
 * and the baseline's rows are spread the same way, so both sides see the same contention pattern.
 *
 * <p>Client {@code c} of {@code clients} owns the engagements {@code e} with {@code e % clients == c}
 * and appends to them in turn. Its k-th append has index {@code (round + k / owned) * M + e}: every
 * index is used once, so the baseline's {@code (aggregate, sequence)} keys never collide and the
 * ledger never sees two clients on one engagement. Requires at least as many engagements as clients.
 */
final class ConcurrentAppends implements AutoCloseable {

    private final int clients;
    private final int engagements;
    private final ExecutorService pool;

    ConcurrentAppends(int clients, int engagements) {
        if (clients < 1 || engagements < clients) {
            throw new IllegalArgumentException("need 1 <= clients <= engagements, got " + clients + " clients and " + engagements
                    + " engagements");
        }
        this.clients = clients;
        this.engagements = engagements;
        this.pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    int clients() {
        return clients;
    }

    /** The first round of indices that lies after every index below {@code usedIndices}. */
    long firstFreeRound(long usedIndices) {
        return (usedIndices + engagements - 1) / engagements;
    }

    /** How many rounds {@code appends} appends take at most (the client with the fewest engagements needs the most). */
    long rounds(long appends) {
        return rounds(appends, clients, engagements);
    }

    /** {@link #rounds(long)} without a client pool, for sizing a run before it starts. */
    static long rounds(long appends, int clients, int engagements) {
        long perClient = (appends + clients - 1) / clients;
        long fewestOwned = engagements / clients;
        return (perClient + fewestOwned - 1) / fewestOwned;
    }

    /**
     * Runs {@code appends} appends on {@code target}, spread over the clients, starting at {@code round}.
     *
     * @return the wall time from the first append to the last one finishing
     */
    Duration run(AppendTarget target, long appends, long round) throws Exception {
        List<Callable<Void>> work = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            long quota = appends / clients + (c < appends % clients ? 1 : 0);
            work.add(() -> {
                List<Integer> owned = new ArrayList<>();
                for (int e = client; e < engagements; e += clients) {
                    owned.add(e);
                }
                for (long k = 0; k < quota; k++) {
                    target.append((round + k / owned.size()) * engagements + owned.get((int) (k % owned.size())));
                }
                return null;
            });
        }
        long started = System.nanoTime();
        for (Future<Void> done : pool.invokeAll(work)) {
            done.get(); // rethrows the first failure
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
