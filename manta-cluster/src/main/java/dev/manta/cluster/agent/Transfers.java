package dev.manta.cluster.agent;

import dev.manta.cluster.proto.TransferMsg;
import dev.manta.runtime.id.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pulls a node agent has under way, each with how far it got, for {@code manta memory} and the
 * state API: a person waiting on a big transfer sees it move.
 *
 * <p>Implementation notes: one entry per object pulled (the agent pulls an object once at a time,
 * {@code NodeAgent.pulls}), added by the pulling thread before it waits for a pull slot and removed
 * by it in a {@code finally} when the pull ends either way ({@link Transfer#close}). The pulling
 * thread alone writes an entry ({@link Transfer#started}, {@link Transfer#add}); readers ({@link
 * #snapshot}, on gRPC threads) see each field through a volatile or atomic read, so a snapshot is a
 * moment of each transfer, not of all of them together. No locks.
 */
final class Transfers {
  private final Map<ObjectId, Transfer> running = new ConcurrentHashMap<>();

  /** One pull, from its start (waiting for a slot) to its end. */
  final class Transfer implements AutoCloseable {
    final ObjectId id;
    final String from;
    final String job;
    final long total;
    final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile boolean started;

    private Transfer(ObjectId id, String from, String job, long total) {
      this.id = id;
      this.from = from;
      this.job = job;
      this.total = total;
    }

    /** It has a pull slot and copies now. */
    void started() {
      started = true;
    }

    /** {@code bytes} more arrived. */
    void add(long bytes) {
      done.addAndGet(bytes);
    }

    long done() {
      return done.get();
    }

    @Override
    public void close() {
      running.remove(id, this);
    }
  }

  /** Registers the pull of {@code id}; close what it returns when the pull ends. */
  Transfer begin(ObjectId id, String from, String job, long total) {
    Transfer t = new Transfer(id, from, job, total);
    running.put(id, t);
    return t;
  }

  /** The pulls under way now, oldest first. */
  List<TransferMsg> snapshot() {
    List<Transfer> all = new ArrayList<>(running.values());
    all.sort((a, b) -> Long.compare(a.startNanos, b.startNanos));
    long now = System.nanoTime();
    List<TransferMsg> out = new ArrayList<>(all.size());
    for (Transfer t : all) {
      out.add(
          TransferMsg.newBuilder()
              .setObjectId(t.id.hex())
              .setFromAgent(t.from)
              .setJobId(t.job)
              .setTotalBytes(t.total)
              .setDoneBytes(t.done())
              .setElapsedMs(TimeUnit.NANOSECONDS.toMillis(now - t.startNanos))
              .setWaiting(!t.started)
              .build());
    }
    return out;
  }
}
