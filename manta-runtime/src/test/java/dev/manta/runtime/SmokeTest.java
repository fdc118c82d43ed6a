package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MantaTestSupport.class)
class SmokeTest {
  @Test
  void task_returnsValue() {
    assertThat(Manta.get(Manta.task(Fns::square, 7).remote())).isEqualTo(49);
  }

  @Test
  void actor_counts() {
    ActorHandle<Counter> c = Manta.actor(Counter::new, 10).remote();
    c.task(Counter::add, 5).remote();
    ObjectRef<Integer> v = c.task(Counter::value).remote();
    assertThat(v.get()).isEqualTo(15);
  }
}
