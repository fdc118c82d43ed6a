package dev.manta.ray;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A test actor that no serializer could copy, as many a user's class is: no no-arg constructor,
 * final fields, a lock and a thread. Only its constructor and arguments may travel to where it
 * lives; the instance itself never leaves.
 */
public final class Ledger {
  private final String owner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Thread creator = Thread.currentThread();
  private int balance;

  public Ledger(String owner, int opening) {
    this.owner = owner;
    this.balance = opening;
  }

  public Integer deposit(int amount) {
    lock.lock();
    try {
      balance += amount;
      return balance;
    } finally {
      lock.unlock();
    }
  }

  public Integer balance() {
    return balance;
  }

  public String owner() {
    return owner;
  }

  /**
   * Whether this instance still holds the thread and lock it was built with (it was not copied).
   */
  public boolean original() {
    return creator != null && !lock.isLocked();
  }
}
