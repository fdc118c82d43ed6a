package dev.manta;

/**
 * Whether an actor lives and dies with the process that created it ({@link ActorCreator#lifetime}).
 */
public enum ActorLifetime {
  /**
   * The default: the actor belongs to the process that created it (its owner: the driver, or the
   * worker running the task or actor that created it). When that process dies or its job ends, the
   * actor is killed: its worker stops running it, its resources are freed, its name is free again,
   * and its calls fail with {@link ActorDiedException} naming the owner's death.
   */
  NON_DETACHED,

  /**
   * The actor outlives the process and the job that created it: it runs until it is killed ({@link
   * ActorHandle#kill()}, from any process holding a handle) or its own process dies for good. A
   * later driver of the same namespace finds it by name ({@link Manta#getActor(String)}); a
   * detached actor without a name is reachable only through handles passed on while its creator
   * lived. It always runs in a worker JVM of its own ({@link ActorCreator#isolated} does not
   * apply), which keeps its resources reserved until it is killed. Restarts ({@link
   * ActorCreator#maxRestarts}) are run by its creating process while that lives; once the creator
   * is gone, a death of the actor's process is final (the actor is DEAD, the message saying so).
   * Like a named actor, it is not stopped when all handles to it are gone. With a cluster token
   * each job's processes reach only their own job's actors: a driver of another job that looks it
   * up is refused, the message naming its job. Embedded, the process is the whole cluster: it
   * outlives nothing, and only the rule about handles applies.
   */
  DETACHED
}
