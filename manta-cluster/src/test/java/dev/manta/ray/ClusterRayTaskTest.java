package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;

import io.ray.api.Ray;
import io.ray.api.runtimecontext.NodeInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RayTaskTest}, each test as a Ray driver of the shared real cluster. */
class ClusterRayTaskTest extends RayTaskTest {
  @Override
  public RayTestSupport.Mode rayMode() throws Exception {
    return new RayTestSupport.Mode(RayClusterSuite.use());
  }

  @Test
  void allNodeInfo_carriesTheLabelsANodeWasStartedWith() {
    List<NodeInfo> nodes = Ray.getRuntimeContext().getAllNodeInfo();
    assertThat(nodes).hasSize(2);
    assertThat(nodes)
        .filteredOn(n -> n.labels.containsKey("zone"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.labels).containsEntry("zone", "b").hasSize(2); // and ray.io/node-id
              assertThat(n.nodeManagerPort).isPositive();
            });
  }
}
