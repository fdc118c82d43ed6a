"""Ray beside Manta's "actors created per second" rows: creates N actors, sends each one call,
waits for every answer, and prints one line

    RAY-ACTORS n=N seconds=S per_second=R

or, when Ray cannot finish (a Python worker process per actor), the error and how many answered.

    manta-bench/peers/ray/.venv/bin/python manta-bench/peers/ray/many_actors.py N [TIMEOUT_S]

Starts a local Ray instance (ray.init() with the machine's CPUs); actors ask for 0 CPUs, as
Manta's do, so that Ray does not cap them at the CPU count. Run `ray stop` afterwards if it was
killed.
"""

import sys
import time

import ray


@ray.remote(num_cpus=0)
class Actor:
    def small_value(self):
        return b"ok"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 600.0
    ray.init()
    t0 = time.monotonic()
    actors = [Actor.remote() for _ in range(n)]
    refs = [a.small_value.remote() for a in actors]
    answered = 0
    try:
        pending = refs
        while pending:
            left = timeout - (time.monotonic() - t0)
            if left <= 0:
                raise TimeoutError(f"not all {n} actors answered within {timeout:.0f} s")
            done, pending = ray.wait(pending, num_returns=len(pending), timeout=min(left, 10.0))
            answered += len(done)
            ray.get(done)
            print(f"[many_actors] {answered}/{n} answered after "
                  f"{time.monotonic() - t0:.1f} s", file=sys.stderr, flush=True)
        s = time.monotonic() - t0
        print(f"RAY-ACTORS n={n} seconds={s:.2f} per_second={n / s:.1f}", flush=True)
    except Exception as e:  # report where Ray fails, then stop
        s = time.monotonic() - t0
        print(f"RAY-ACTORS n={n} failed after {s:.1f} s with {answered} answered: "
              f"{type(e).__name__}: {e}", flush=True)
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
