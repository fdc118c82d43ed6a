package dev.manta.cluster.worker;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.rpc.Backoff;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The head's actor directory, as {@link RemoteActors} uses it: register, update and look up actors.
 * {@link #ofHead} is the real one, over gRPC; unit tests give a fake. Its calls wait for a head
 * that is restarting, up to {@link Rpc#headWaitMs()} ({@link Rpc#headDeadline}).
 */
interface ActorDirectory {
  /** Registers a new actor; blocks. Throws the head's status on failure. */
  void register(ActorInfo a);

  /** Updates an actor's record, best effort; does not block. */
  void update(ActorInfo a);

  /**
   * Updates an actor's record, then runs {@code then} once the head has it; does not block. If the
   * head does not take it at once (it is down or restarting), {@code then} runs anyway and the
   * update goes again as {@link #update} does, so that nothing waits for a restarting head.
   */
  default void updateThen(ActorInfo a, Runnable then) {
    update(a);
    then.run();
  }

  /** Updates an actor's record and waits for the head's answer. */
  void updateAndWait(ActorInfo a);

  /**
   * What the head knows of an actor, or null if it knows nothing; blocks.
   *
   * @throws IllegalStateException if the head cannot be asked
   */
  ActorInfo get(ActorLookup q);

  /** The directory of the head {@code view} subscribes to. */
  static ActorDirectory ofHead(ClusterView view) {
    return new ActorDirectory() {
      @Override
      public void register(ActorInfo a) {
        Backoff.onHead(
            "Registering an actor", ms -> Rpc.headDeadline(view.head(), ms).registerActor(a));
      }

      @Override
      public void update(ActorInfo a) {
        Rpc.headDeadline(view.headAsync()).updateActor(a, Callbacks.ignore());
      }

      @Override
      public void updateThen(ActorInfo a, Runnable then) {
        // No wait-for-ready: a head that is down fails this at once instead of holding `then`.
        Rpc.deadline(view.headAsync())
            .updateActor(
                a,
                new io.grpc.stub.StreamObserver<>() {
                  @Override
                  public void onNext(dev.manta.cluster.proto.Empty value) {}

                  @Override
                  public void onError(Throwable t) {
                    update(a); // waits for a restarting head, as every head call does
                    then.run();
                  }

                  @Override
                  public void onCompleted() {
                    then.run();
                  }
                });
      }

      @Override
      public void updateAndWait(ActorInfo a) {
        Backoff.onHead("Updating an actor", ms -> Rpc.headDeadline(view.head(), ms).updateActor(a));
      }

      @Override
      public ActorInfo get(ActorLookup q) {
        try {
          return Backoff.onHead(
              "Looking up an actor", ms -> Rpc.headDeadline(view.head(), ms).getActor(q));
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
            return null;
          }
          throw new IllegalStateException(Rpc.explain(e, "head", view.headAddress()), e);
        }
      }
    };
  }
}
