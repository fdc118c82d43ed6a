package dev.manta.bench;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The remote functions and actor classes of Ray's {@code ray_perf.py}, one for one: {@code
 * small_value} returns the two bytes {@code "ok"}, {@code Actor}, {@code AsyncActor} and {@code
 * Client} have the same methods. Public because the runtime instantiates the actor classes.
 */
public final class Workloads {
  private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

  private Workloads() {}

  /** Ray's {@code small_value()} task: returns {@code b"ok"}. */
  static byte[] smallValue() {
    return OK;
  }

  /**
   * Ray's {@code do_put_small()}: {@code count} puts of the int 0, each ref dropped at once (Manta
   * frees a dropped small object when the GC clears its ref, as a Java user would leave it).
   */
  static int doPutSmall(int count) {
    for (int i = 0; i < count; i++) {
      Manta.put(0);
    }
    return count;
  }

  /**
   * Ray's {@code do_put()}: {@code puts} puts of a freshly allocated zero array of {@code longs},
   * each ref dropped at once as in Ray (the store reclaims dropped refs' objects when it is full).
   */
  static int doPut(int puts, int longs) {
    for (int i = 0; i < puts; i++) {
      Manta.put(new long[longs]);
    }
    return puts;
  }

  /** Ray's {@code create_object_containing_ref()}: {@code count} puts of 1, returned as refs. */
  static List<ObjectRef<Integer>> createObjectContainingRefs(int count) {
    List<ObjectRef<Integer>> refs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      refs.add(Manta.put(1));
    }
    return refs;
  }

  /** Ray's {@code work(actors)}: {@code calls} calls round-robin over {@code actors}, then get. */
  static int work(List<ActorHandle<Actor>> actors, int calls) {
    List<ObjectRef<byte[]>> refs = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      refs.add(actors.get(i % actors.size()).task(Actor::smallValue).remote());
    }
    return Manta.get(refs).size();
  }

  /** Ray's {@code async_actor_work(actors)}: as {@link #work}, on asynchronous actors. */
  static int asyncActorWork(List<ActorHandle<AsyncActor>> actors, int calls) {
    List<ObjectRef<byte[]>> refs = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      refs.add(actors.get(i % actors.size()).taskAsync(AsyncActor::smallValue).remote());
    }
    return Manta.get(refs).size();
  }

  /** Ray's threaded {@code Actor} (num_cpus=0; concurrency set at creation). */
  public static final class Actor {
    /** Creates the actor; it has no state. */
    public Actor() {}

    /** Returns {@code b"ok"}. */
    public byte[] smallValue() {
      return OK;
    }

    /** Returns {@code b"ok"}, ignoring the argument (passed as a ref by the caller). */
    public byte[] smallValueArg(Integer ignored) {
      return OK;
    }

    /** Submits {@code n} {@code small_value} tasks and gets them all (the multi-client row). */
    public int smallValueBatch(int n) {
      List<ObjectRef<byte[]>> refs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        refs.add(Manta.task(Workloads::smallValue).remote());
      }
      return Manta.get(refs).size();
    }
  }

  /** Ray's {@code AsyncActor}: every method returns a completed stage (an {@code async def}). */
  public static final class AsyncActor {
    /** Creates the actor; it has no state. */
    public AsyncActor() {}

    /** Returns {@code b"ok"} asynchronously. */
    public CompletionStage<byte[]> smallValue() {
      return CompletableFuture.completedFuture(OK);
    }

    /** Returns {@code b"ok"} asynchronously, ignoring the by-value argument. */
    public CompletionStage<byte[]> smallValueWithArg(int ignored) {
      return CompletableFuture.completedFuture(OK);
    }
  }

  /** Ray's {@code Client} for the {@code 1:n actor calls} row: fans calls out to its servers. */
  public static final class Client {
    private final List<ActorHandle<Actor>> servers;

    /** A client of {@code servers}. */
    public Client(List<ActorHandle<Actor>> servers) {
      this.servers = List.copyOf(servers);
    }

    /** Submits {@code n} calls to each server (all servers first), then gets them all. */
    public int smallValueBatch(int n) {
      List<ObjectRef<byte[]>> refs = new ArrayList<>(n * servers.size());
      for (ActorHandle<Actor> s : servers) {
        for (int i = 0; i < n; i++) {
          refs.add(s.task(Actor::smallValue).remote());
        }
      }
      return Manta.get(refs).size();
    }
  }

  /**
   * Ray's {@code Client(server)} for the {@code n:n actor calls with arg} row. The server comes in
   * a one-element list: a bare {@code ActorHandle} as a constructor argument fails to deserialize
   * in the runtime today (Fory meets {@code ActorHandleImpl}'s fields), while handles inside a list
   * go through the handle codec.
   */
  public static final class ArgClient {
    private final ActorHandle<Actor> server;

    /** A client of {@code server.get(0)}. */
    public ArgClient(List<ActorHandle<Actor>> server) {
      this.server = server.get(0);
    }

    /** Puts 0 (a new object each call), then {@code n} calls passing its ref; gets them all. */
    public int smallValueBatchArg(int n) {
      ObjectRef<Integer> x = Manta.put(0);
      List<ObjectRef<byte[]>> refs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        refs.add(server.task(Actor::smallValueArg, x).remote());
      }
      return Manta.get(refs).size();
    }
  }

  /** Ray's {@code Client} (a threaded actor) for the {@code 1:n async-actor calls} row. */
  public static final class AsyncClient {
    private final List<ActorHandle<AsyncActor>> servers;

    /** A client of asynchronous {@code servers}. */
    public AsyncClient(List<ActorHandle<AsyncActor>> servers) {
      this.servers = List.copyOf(servers);
    }

    /** Submits {@code n} calls to each server (all servers first), then gets them all. */
    public int smallValueBatch(int n) {
      List<ObjectRef<byte[]>> refs = new ArrayList<>(n * servers.size());
      for (ActorHandle<AsyncActor> s : servers) {
        for (int i = 0; i < n; i++) {
          refs.add(s.taskAsync(AsyncActor::smallValue).remote());
        }
      }
      return Manta.get(refs).size();
    }
  }
}
