package dev.manta.bench;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.WaitResult;
import dev.manta.bench.Workloads.Actor;
import dev.manta.bench.Workloads.ArgClient;
import dev.manta.bench.Workloads.AsyncActor;
import dev.manta.bench.Workloads.AsyncClient;
import dev.manta.bench.Workloads.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Every row of Ray 2.58's {@code ray microbenchmark}, in Ray's order, with Ray's exact names, on
 * Manta's public API. {@code manta-bench/peers/ray/WORKLOADS.md} describes each Ray row; the Manta
 * side mirrors it one for one:
 *
 * <ul>
 *   <li>A Ray task is a Manta task of one CPU; a Ray actor ({@code num_cpus=0}) a Manta actor
 *       (which holds no CPU by default); an {@code async def} actor a Manta actor whose methods
 *       return a {@code CompletionStage}, called with {@code taskAsync}, with concurrency 1000
 *       (asyncio's default in Ray).
 *   <li>"Multi client" rows use what Ray uses: the clients are tasks or actors of the same runtime
 *       (4 {@code Actor}s submitting tasks, 10 {@code do_put} tasks, 4 {@code work} tasks), not
 *       separate driver processes.
 *   <li>{@code 1:n} / {@code n:n} rows use {@code max(1, cores / 2)} server actors, as Ray's {@code
 *       n_cpu}.
 *   <li>A put ref is dropped at once in Ray (Python frees it on the spot), and so it is here, in
 *       the gigabyte rows too: Manta frees a dropped ref's object when the GC clears the ref, and a
 *       store that is full collects and frees such objects before it spills anything (see {@code
 *       NodeStore}). A separate row, not Ray's, shows the same puts freed with {@code Manta.free}.
 * </ul>
 *
 * <p>Rows for features Manta has not built (placement groups, Ray Client's remote driver) stay in
 * the list, each with its "not built" note.
 */
final class RayRows {
  private RayRows() {}

  /** See {@link #waitOneByOne}. */

  /** Why the {@code client:} rows cannot run. */
  static final String NO_CLIENT_MODE =
      "remote-driver mode (Ray Client); Manta's counterpart is cluster mode";

  /** All rows, in the order {@code ray microbenchmark} prints them. */
  static List<Row> all() {
    List<Row> rows = new ArrayList<>();
    // Objects.
    rows.add(
        Row.runs(
            "single client get calls (Plasma Store)",
            s -> {
              ObjectRef<Integer> value = Manta.put(0);
              return Workload.of(1, () -> Manta.get(value));
            }));
    rows.add(Row.runs("single client put calls (Plasma Store)", s -> Workload.of(1, () -> put0())));
    rows.add(
        Row.runs(
            "multi client put calls (Plasma Store)",
            s ->
                Workload.of(
                    (double) s.smallPutTasks() * s.putsPerSmallPutTask(),
                    () ->
                        submitAndGet(
                            s.smallPutTasks(),
                            () ->
                                Manta.task(Workloads::doPutSmall, s.putsPerSmallPutTask())
                                    .remote()))));
    rows.add(
        Row.runs(
            "single client put gigabytes",
            s -> {
              long[] array = new long[s.bigPutLongs()];
              return Workload.of(
                  array.length * 8.0 / Sizes.RAY_GB_BYTES, () -> Manta.put(array)); // ref dropped
            }));
    rows.add(
        Row.runs(
            "single client put gigabytes, freed at once",
            s -> {
              long[] array = new long[s.bigPutLongs()];
              return Workload.of(
                  array.length * 8.0 / Sizes.RAY_GB_BYTES,
                  () -> Manta.free(List.of(Manta.put(array))));
            }));
    rows.add(
        Row.runs(
            "single client tasks and get batch",
            s -> Workload.of(1, () -> submitAndGet(s.batch(), RayRows::smallValueTask))));
    rows.add(
        Row.runs(
            "multi client put gigabytes",
            s ->
                Workload.of(
                    (double) s.bigPutTasks()
                        * s.putsPerBigPutTask()
                        * s.multiPutLongs()
                        * 8.0
                        / Sizes.RAY_GB_BYTES,
                    () ->
                        submitAndGet(
                            s.bigPutTasks(),
                            () ->
                                Manta.task(
                                        Workloads::doPut, s.putsPerBigPutTask(), s.multiPutLongs())
                                    .remote()))));
    rows.add(
        Row.runs(
            "single client get object containing 10k refs",
            s -> {
              ObjectRef<List<ObjectRef<Integer>>> object =
                  Manta.task(Workloads::createObjectContainingRefs, s.containedRefs()).remote();
              return Workload.of(1, () -> Manta.get(object));
            }));
    rows.add(
        Row.runs("single client wait 1k refs", s -> Workload.of(1, () -> waitOneByOne(s.batch()))));
    // Tasks.
    rows.add(
        Row.runs(
            "single client tasks sync", s -> Workload.of(1, () -> Manta.get(smallValueTask()))));
    rows.add(
        Row.runs(
            "single client tasks async",
            s -> Workload.of(s.batch(), () -> submitAndGet(s.batch(), RayRows::smallValueTask))));
    rows.add(
        Row.runs(
            "multi client tasks async",
            s -> {
              List<ActorHandle<Actor>> clients = actors(s.clients(), i -> newActor(1));
              return Workload.of(
                  (double) s.clients() * s.tasksPerClient(),
                  () -> {
                    List<ObjectRef<Integer>> refs = new ArrayList<>();
                    for (ActorHandle<Actor> c : clients) {
                      refs.add(c.task(Actor::smallValueBatch, s.tasksPerClient()).remote());
                    }
                    Manta.get(refs);
                  },
                  () -> kill(clients));
            }));
    // Threaded actors.
    rows.add(
        Row.runs(
            "1:1 actor calls sync",
            s -> {
              ActorHandle<Actor> a = newActor(1);
              return Workload.of(1, () -> Manta.get(a.task(Actor::smallValue).remote()), a::kill);
            }));
    rows.add(Row.runs("1:1 actor calls async", s -> oneToOneBatch(s, newActor(1))));
    rows.add(
        Row.runs(
            "1:1 actor calls concurrent", s -> oneToOneBatch(s, newActor(s.actorConcurrency()))));
    rows.add(
        Row.runs(
            "1:n actor calls async",
            s -> {
              List<ActorHandle<Actor>> servers = actors(s.servers(), i -> newActor(1));
              ActorHandle<Client> client = Manta.actor(Client::new, servers).remote();
              return Workload.of(
                  (double) s.fanOutCalls() * s.servers(),
                  () -> Manta.get(client.task(Client::smallValueBatch, s.fanOutCalls()).remote()),
                  () -> {
                    client.kill();
                    kill(servers);
                  });
            }));
    rows.add(
        Row.runs(
            "n:n actor calls async",
            s -> {
              List<ActorHandle<Actor>> servers = actors(s.servers(), i -> newActor(1));
              return Workload.of(
                  (double) s.clients() * s.fanOutCalls(),
                  () ->
                      submitAndGet(
                          s.clients(),
                          () -> Manta.task(Workloads::work, servers, s.fanOutCalls()).remote()),
                  () -> kill(servers));
            }));
    rows.add(
        Row.runs(
            "n:n actor calls with arg async",
            s -> {
              List<ActorHandle<Actor>> servers = actors(s.servers(), i -> newActor(1));
              List<ActorHandle<ArgClient>> clients =
                  actors(
                      s.servers(),
                      i -> Manta.actor(ArgClient::new, List.of(servers.get(i))).remote());
              return Workload.of(
                  (double) s.argCalls() * s.servers(),
                  () -> {
                    List<ObjectRef<Integer>> refs = new ArrayList<>();
                    for (ActorHandle<ArgClient> c : clients) {
                      refs.add(c.task(ArgClient::smallValueBatchArg, s.argCalls()).remote());
                    }
                    Manta.get(refs);
                  },
                  () -> {
                    kill(clients);
                    kill(servers);
                  });
            }));
    // Asynchronous actors.
    rows.add(
        Row.runs(
            "1:1 async-actor calls sync",
            s -> {
              ActorHandle<AsyncActor> a = newAsyncActor(s);
              return Workload.of(
                  1, () -> Manta.get(a.taskAsync(AsyncActor::smallValue).remote()), a::kill);
            }));
    rows.add(
        Row.runs(
            "1:1 async-actor calls async",
            s -> {
              ActorHandle<AsyncActor> a = newAsyncActor(s);
              return Workload.of(
                  s.batch(),
                  () -> submitAndGet(s.batch(), () -> a.taskAsync(AsyncActor::smallValue).remote()),
                  a::kill);
            }));
    rows.add(
        Row.runs(
            "1:1 async-actor calls with args async",
            s -> {
              ActorHandle<AsyncActor> a = newAsyncActor(s);
              return Workload.of(
                  s.batch(),
                  () -> {
                    List<ObjectRef<byte[]>> refs = new ArrayList<>(s.batch());
                    for (int i = 0; i < s.batch(); i++) {
                      refs.add(a.taskAsync(AsyncActor::smallValueWithArg, i).remote());
                    }
                    Manta.get(refs);
                  },
                  a::kill);
            }));
    rows.add(
        Row.runs(
            "1:n async-actor calls async",
            s -> {
              List<ActorHandle<AsyncActor>> servers = actors(s.servers(), i -> newAsyncActor(s));
              ActorHandle<AsyncClient> client = Manta.actor(AsyncClient::new, servers).remote();
              return Workload.of(
                  (double) s.fanOutCalls() * s.servers(),
                  () ->
                      Manta.get(
                          client.task(AsyncClient::smallValueBatch, s.fanOutCalls()).remote()),
                  () -> {
                    client.kill();
                    kill(servers);
                  });
            }));
    rows.add(
        Row.runs(
            "n:n async-actor calls async",
            s -> {
              List<ActorHandle<AsyncActor>> servers = actors(s.servers(), i -> newAsyncActor(s));
              return Workload.of(
                  (double) s.clients() * s.fanOutCalls(),
                  () ->
                      submitAndGet(
                          s.clients(),
                          () ->
                              Manta.task(Workloads::asyncActorWork, servers, s.fanOutCalls())
                                  .remote()),
                  () -> kill(servers));
            }));
    // Not a Ray microbenchmark row (Ray's many_actors release test creates 10,000 actors; its
    // timing is not in `ray microbenchmark`): actors of one job sharing a worker JVM per node.
    rows.add(
        Row.runs(
            ACTOR_STORM,
            s -> Workload.of(s.batch(), () -> actorStorm(s.batch())))); // 1,000 at Ray's sizes
    // The size of Ray's many_actors release test, all in one host on one node.
    rows.add(
        Row.runs(
            ACTOR_STORM_10K,
            s -> Workload.of(s.batch() * 10, () -> actorStorm(s.batch() * 10)))); // 10,000
    // A fresh Ray instance with a custom resource, then Ray Client sessions.
    rows.add(Row.notBuilt("placement group create/removal", "placement groups"));
    for (String name :
        List.of(
            "client: get calls",
            "client: put calls",
            "client: put gigabytes",
            "client: tasks and put batch",
            "client: 1:1 actor calls sync",
            "client: 1:1 actor calls async",
            "client: 1:1 actor calls concurrent",
            "client: tasks and get batch")) {
      rows.add(Row.notBuilt(name, NO_CLIENT_MODE));
    }
    return List.copyOf(rows);
  }

  /** The name of the actor-creation row (not Ray's). */
  static final String ACTOR_STORM =
      "actors created per second (1,000 actors, each answering one call)";

  /** The 10,000-actor creation row (not Ray's). */
  static final String ACTOR_STORM_10K =
      "actors created per second (10,000 actors on one node, each answering one call)";

  /**
   * Creates {@code n} actors sharing their job's actor JVM ({@code isolated(false)}), sends each
   * one call, gets every answer, then kills them all.
   */
  private static void actorStorm(int n) {
    List<ActorHandle<Actor>> storm = new ArrayList<>(n);
    List<ObjectRef<byte[]>> answers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ActorHandle<Actor> a = Manta.actor(Actor::new).isolated(false).remote();
      storm.add(a);
      answers.add(a.task(Actor::smallValue).remote());
    }
    Manta.get(answers);
    kill(storm);
  }

  private static void put0() {
    Manta.put(0);
  }

  private static ObjectRef<byte[]> smallValueTask() {
    return Manta.task(Workloads::smallValue).remote();
  }

  /** Submits {@code n} calls, then one get of all of them: Ray's {@code get([f.remote() ...])}. */
  private static <T> void submitAndGet(int n, Supplier<ObjectRef<T>> submit) {
    List<ObjectRef<T>> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      refs.add(submit.get());
    }
    Manta.get(refs);
  }

  /** Ray's wait row: submit {@code n} tasks, then {@code n} waits for one ready ref each. */
  private static void waitOneByOne(int n) {
    List<ObjectRef<byte[]>> notReady = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      notReady.add(smallValueTask());
    }
    for (int i = 0; i < n; i++) {
      WaitResult<byte[]> w = Manta.wait(notReady, 1); // no timeout, as Ray's row
      notReady = w.unready();
    }
  }

  private static Workload oneToOneBatch(Sizes s, ActorHandle<Actor> a) {
    return Workload.of(
        s.batch(),
        () -> submitAndGet(s.batch(), () -> a.task(Actor::smallValue).remote()),
        a::kill);
  }

  private static ActorHandle<Actor> newActor(int maxConcurrency) {
    return Manta.actor(Actor::new).maxConcurrency(maxConcurrency).remote();
  }

  private static ActorHandle<AsyncActor> newAsyncActor(Sizes s) {
    return Manta.actor(AsyncActor::new).maxConcurrency(s.asyncActorConcurrency()).remote();
  }

  private static <A> List<ActorHandle<A>> actors(int n, IntFunction<ActorHandle<A>> create) {
    List<ActorHandle<A>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(create.apply(i));
    }
    return List.copyOf(out);
  }

  private static void kill(List<? extends ActorHandle<?>> handles) {
    for (ActorHandle<?> h : handles) {
      h.kill();
    }
  }
}
