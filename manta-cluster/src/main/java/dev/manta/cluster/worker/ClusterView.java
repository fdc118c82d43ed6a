package dev.manta.cluster.worker;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.Event;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.SubscribeRequest;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.proto.WorkerLookup;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.spec.ResourceSet;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's view of the cluster: the nodes (from the head's view at join time, then its
 * events), the addresses of the job's workers, and the subscription to the head that keeps both
 * fresh. Node deaths, worker deaths and actor changes go to one {@link Listener}.
 */
final class ClusterView {
  /*
   * Implementation notes
   *  V1  `nodes` only grows: a dead node stays, with alive = false, so that a late result or event
   *      naming it still finds it. A node's NodeView is replaced in place (info), never removed.
   *  V2  At most one subscription stream is open. When it ends while the view is open, a new one
   *      is opened on `resubscriber` after a delay that starts at RESUBSCRIBE_FIRST_MS, doubles
   *      up to RESUBSCRIBE_MAX_MS while streams keep failing, and is reset by any event received;
   *      then Listener.resubscribed() runs on that thread, because events sent between the two
   *      streams are lost.
   *  V3  `nodeChange` is completed, and replaced by a fresh future first, on every node event:
   *      a waiter that takes the future before it checks the nodes cannot miss a node that
   *      joins between its check and its wait (TaskPlacement, P4).
   *  Threads: events are delivered on the transport's thread for the stream, in the root gRPC
   *  context (the listener's calls must outlive nothing but the process). No locks: the maps are
   *  concurrent and each entry is written whole.
   */
  private static final Logger LOG = LoggerFactory.getLogger(ClusterView.class);
  static final long RESUBSCRIBE_FIRST_MS = 200; // the head may be restarting; do not spin
  static final long RESUBSCRIBE_MAX_MS = 5_000;

  /** What the view tells about changes that others act on. */
  interface Listener {
    /** A node was declared dead (its view is already updated). */
    void nodeDied(NodeInfo node);

    /** A worker process of the cluster died. */
    void workerDied(long prefix, String reason);

    /** The head has news of an actor (registered, placed, dead). */
    void actorChanged(ActorInfo actor);

    /** A new subscription replaced one that ended: events in between were lost. */
    void resubscribed();
  }

  private final Rpc.Channels channels;
  private final String headAddress;
  private final HeadGrpc.HeadBlockingStub head;
  private final String jobId;
  private final boolean driver;
  private final BooleanSupplier closed;
  private final String nodeId;
  private final long failureTimeoutMs;
  private final Map<String, NodeView> nodes = new ConcurrentHashMap<>();
  private final Map<Long, String> workerAddresses = new ConcurrentHashMap<>();
  private final AtomicLong resubscribeDelayMs = new AtomicLong(RESUBSCRIBE_FIRST_MS);
  private final ScheduledExecutorService resubscriber =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("manta-resubscribe-", 1).factory());
  private volatile Context.CancellableContext subscription;
  private volatile String subscriber;
  private volatile Listener listener;
  private final java.util.concurrent.atomic.AtomicReference<
          java.util.concurrent.CompletableFuture<Void>>
      nodeChange =
          new java.util.concurrent.atomic.AtomicReference<>(
              new java.util.concurrent.CompletableFuture<>());

  /**
   * The view of a process of job {@code jobId} whose node's agent is at {@code agentAddress}, as
   * the head at {@code headAddress} describes the cluster now. Blocks for one round trip.
   *
   * @throws IllegalStateException if that agent is not a live member of the cluster
   */
  static ClusterView join(
      Rpc.Channels channels,
      String headAddress,
      String jobId,
      String agentAddress,
      boolean driver,
      BooleanSupplier closed) {
    // Generous: a worker JVM may start on a machine loaded by its peers' start-up.
    dev.manta.cluster.proto.ClusterView view =
        Rpc.deadline(HeadGrpc.newBlockingStub(channels.get(headAddress)), 60_000)
            .withWaitForReady()
            .getClusterView(Empty.getDefaultInstance());
    return new ClusterView(channels, headAddress, jobId, agentAddress, driver, closed, view);
  }

  /** The view from {@code view}; does not call the head (tests call it directly). */
  ClusterView(
      Rpc.Channels channels,
      String headAddress,
      String jobId,
      String agentAddress,
      boolean driver,
      BooleanSupplier closed,
      dev.manta.cluster.proto.ClusterView view) {
    this.channels = channels;
    this.headAddress = headAddress;
    this.head = HeadGrpc.newBlockingStub(channels.get(headAddress));
    this.jobId = jobId;
    this.driver = driver;
    this.closed = closed;
    this.failureTimeoutMs = view.getFailureTimeoutMs();
    String local = null;
    for (NodeInfo n : view.getNodesList()) {
      nodes.put(n.getNodeId(), new NodeView(n));
      if (n.getAgentAddress().equals(agentAddress)) {
        local = n.getNodeId();
      }
    }
    if (local == null) {
      throw new IllegalStateException(
          "The node agent at " + agentAddress + " is not a live member of the cluster");
    }
    this.nodeId = local;
  }

  /** This process's node. */
  String nodeId() {
    return nodeId;
  }

  /** How long the head waits before it declares a silent node dead. */
  long failureTimeoutMs() {
    return failureTimeoutMs;
  }

  /** The head's address, for error messages. */
  String headAddress() {
    return headAddress;
  }

  /** A blocking stub to the head, without deadline (callers set one with {@link Rpc#deadline}). */
  HeadGrpc.HeadBlockingStub head() {
    return head;
  }

  /** An asynchronous stub to the head, without deadline. */
  HeadGrpc.HeadStub headAsync() {
    return HeadGrpc.newStub(channels.get(headAddress));
  }

  // --- nodes ---

  /** Every node known, dead ones included (V1). */
  Collection<NodeView> nodes() {
    return nodes.values();
  }

  /** The node with this id, or null if the head never mentioned it. */
  NodeView node(String id) {
    return nodes.get(id);
  }

  /** The agent address of a node, or empty if unknown. */
  String agentOf(String node) {
    NodeView v = nodes.get(node);
    return v == null ? "" : v.info.getAgentAddress();
  }

  /** Whether some live node could ever run {@code demand}. */
  boolean feasible(ResourceSet demand) {
    for (NodeView v : nodes.values()) {
      if (v.info.getAlive() && Wire.fits(demand, v.info, false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A future completed at the next change of a node (one joins, dies or is updated by the head):
   * take it before checking the nodes, then wait on it (V3). Never completed exceptionally.
   */
  java.util.concurrent.CompletableFuture<Void> nextNodeChange() {
    return nodeChange.get();
  }

  /** Every node known, dead ones included, as the public API reports them, sorted by id. */
  java.util.List<dev.manta.Node> publicNodes() {
    java.util.List<dev.manta.Node> out = new java.util.ArrayList<>();
    for (NodeView v : nodes.values()) {
      NodeInfo n = v.info;
      out.add(
          new dev.manta.Node(
              n.getNodeId(),
              n.getAgentAddress(),
              n.getAlive(),
              n.getTotal().getAmountsMap(),
              n.getLabelsMap()));
    }
    out.sort(java.util.Comparator.comparing(dev.manta.Node::id));
    return out;
  }

  /** The sum of the live nodes' resources. */
  Map<String, Double> totalResources() {
    Map<String, Double> sum = new LinkedHashMap<>();
    for (NodeView v : nodes.values()) {
      if (v.info.getAlive()) {
        v.info.getTotal().getAmountsMap().forEach((k, x) -> sum.merge(k, x, Double::sum));
      }
    }
    return sum;
  }

  // --- workers ---

  /** Records where the worker with {@code prefix} serves. */
  void workerAt(long prefix, String address) {
    workerAddresses.put(prefix, address);
  }

  /** Records where the worker with {@code prefix} serves, unless known already. */
  void workerAtIfAbsent(long prefix, String address) {
    workerAddresses.putIfAbsent(prefix, address);
  }

  /** Forgets a dead worker; returns its address, or null if it was not known. */
  String forgetWorker(long prefix) {
    return workerAddresses.remove(prefix);
  }

  /** The address of the worker with {@code prefix} if known here, else null. Never blocks. */
  String knownWorker(long prefix) {
    return workerAddresses.get(prefix);
  }

  /**
   * The address of the worker (or driver) with {@code prefix}, asking the head if it is not known
   * here. May block for one round trip.
   */
  String workerAddress(long prefix) {
    String a = workerAddresses.get(prefix);
    if (a != null) {
      return a;
    }
    WorkerInfo w =
        dev.manta.cluster.rpc.Backoff.onHead(
            "Looking up a worker",
            ms ->
                Rpc.headDeadline(head(), ms)
                    .getWorker(WorkerLookup.newBuilder().setPrefix(prefix).build()));
    workerAddresses.put(prefix, w.getAddress());
    return w.getAddress();
  }

  /** The distinct addresses of the workers known here. */
  Set<String> workerAddresses() {
    return new HashSet<>(workerAddresses.values());
  }

  // --- the head's events ---

  /**
   * Subscribes to the head's events for this job as {@code subscriber} (this process's address),
   * delivering them to {@code listener} until {@link #close}; resubscribes when the stream ends
   * (V2). Does not block.
   */
  void subscribe(String subscriber, Listener listener) {
    this.subscriber = subscriber;
    this.listener = listener;
    subscribe();
  }

  private void subscribe() {
    if (closed.getAsBoolean()) {
      return;
    }
    Context.CancellableContext ctx = Context.current().withCancellation();
    subscription = ctx;
    ctx.run(
        () ->
            Rpc.deadline(headAsync(), 3_600_000)
                .subscribe(
                    SubscribeRequest.newBuilder()
                        .setSubscriber(subscriber)
                        .setJobId(jobId)
                        .setDriver(driver)
                        .build(),
                    new StreamObserver<>() {
                      @Override
                      public void onNext(Event e) {
                        if (resubscribeDelayMs.get() != RESUBSCRIBE_FIRST_MS) {
                          resubscribeDelayMs.set(RESUBSCRIBE_FIRST_MS);
                        }
                        Context.ROOT.run(() -> onEvent(e));
                      }

                      @Override
                      public void onError(Throwable t) {
                        if (!closed.getAsBoolean()) {
                          LOG.debug("subscription to the head ended: {}", t.toString());
                          scheduleResubscribe();
                        }
                      }

                      @Override
                      public void onCompleted() {
                        if (!closed.getAsBoolean()) {
                          scheduleResubscribe();
                        }
                      }
                    }));
  }

  private void scheduleResubscribe() {
    long delay = resubscribeDelayMs.getAndUpdate(d -> Math.min(2 * d, RESUBSCRIBE_MAX_MS));
    try {
      resubscriber.schedule(this::resubscribe, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("not resubscribing: the view is closed"); // close() raced with the stream's end
    }
  }

  private void resubscribe() {
    channels.get(headAddress).resetConnectBackoff(); // the head may be back: try it now
    subscribe();
    listener.resubscribed();
  }

  private void onEvent(Event e) {
    switch (e.getKindCase()) {
      case NODE -> {
        NodeInfo n = e.getNode();
        NodeView v = nodes.computeIfAbsent(n.getNodeId(), k -> new NodeView(n));
        v.info = n;
        if (!n.getAlive()) {
          listener.nodeDied(n);
        }
        nodeChange.getAndSet(new java.util.concurrent.CompletableFuture<>()).complete(null); // V3
      }
      case WORKER_DIED ->
          listener.workerDied(e.getWorkerDied().getPrefix(), e.getWorkerDied().getReason());
      case ACTOR -> listener.actorChanged(e.getActor());
      default -> {}
    }
  }

  /** Ends the subscription and stops resubscribing. */
  void close() {
    Context.CancellableContext s = subscription;
    if (s != null) {
      s.cancel(null);
    }
    resubscriber.shutdownNow();
  }
}
