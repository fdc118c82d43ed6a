package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Who a credential makes its holder ({@link ClusterToken#resolve}), as the cluster's processes see
 * it, and what each principal may call ({@link Principal}).
 */
class PrincipalTest {
  private static final ClusterToken CLUSTER = ClusterToken.random();
  private static final ClusterToken OTHER_CLUSTER = ClusterToken.random();

  private static byte[] wire(ClusterToken t) {
    return t.secret().getBytes(StandardCharsets.US_ASCII);
  }

  /** Job {@code job}'s credential as its process gets it: the text and the two digests. */
  private static ClusterToken asHandedOut(ClusterToken cluster, String job) {
    ClusterToken c = cluster.forJob(job);
    return ClusterToken.jobCredential(c.secret(), c.nodeDigestHex(), c.adminDigestHex(), "test");
  }

  @Test
  void theClusterToken_recognisesItself_theDerivedTokens_andEveryJobsCredential() {
    assertThat(CLUSTER.resolve(wire(CLUSTER))).isEqualTo(new Principal(Principal.Kind.NODE, ""));
    assertThat(CLUSTER.resolve(wire(CLUSTER.admin())))
        .isEqualTo(new Principal(Principal.Kind.ADMIN, ""));
    assertThat(CLUSTER.resolve(wire(CLUSTER.client())))
        .isEqualTo(new Principal(Principal.Kind.CLIENT, ""));
    assertThat(CLUSTER.resolve(wire(CLUSTER.forJob("ab12")))).isEqualTo(Principal.job("ab12"));
  }

  @Test
  void aForgedOrForeignCredential_isNoneOfThem() {
    String forged = "mjob.ab12." + "0".repeat(64);
    assertThat(CLUSTER.resolve(forged.getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(CLUSTER.resolve(wire(OTHER_CLUSTER.forJob("ab12")))).isNull();
    assertThat(CLUSTER.resolve(wire(OTHER_CLUSTER))).isNull();
    assertThat(CLUSTER.resolve(wire(OTHER_CLUSTER.admin()))).isNull();
    // A job id spliced onto another job's MAC: the MAC covers the id.
    String mac = CLUSTER.forJob("ab12").secret().substring("mjob.ab12.".length());
    assertThat(CLUSTER.resolve(("mjob.cd34." + mac).getBytes(StandardCharsets.US_ASCII))).isNull();
  }

  @Test
  void aJobsProcess_recognisesItsJob_theClusterAndTheAdmin_byDigest_andNoOtherJob() {
    ClusterToken mine = asHandedOut(CLUSTER, "ab12");
    assertThat(mine.kind()).isEqualTo(Principal.Kind.JOB);
    assertThat(mine.jobId()).isEqualTo("ab12");
    assertThat(mine.resolve(wire(mine))).isEqualTo(Principal.job("ab12"));
    assertThat(mine.resolve(wire(CLUSTER)).kind()).isEqualTo(Principal.Kind.NODE);
    assertThat(mine.resolve(wire(CLUSTER.admin())).kind()).isEqualTo(Principal.Kind.ADMIN);
    assertThat(mine.resolve(wire(CLUSTER.forJob("cd34")))).isNull();
    assertThat(mine.resolve(wire(CLUSTER.client()))).isNull();
    assertThat(ClusterToken.claimedJob(wire(CLUSTER.forJob("cd34")))).isEqualTo("cd34");
    assertThat(ClusterToken.claimedJob(wire(CLUSTER))).isNull();
  }

  @Test
  void onlyTheClusterToken_derives() {
    ClusterToken job = CLUSTER.forJob("ab12");
    assertThatThrownBy(() -> job.forJob("cd34"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Only the cluster token");
    assertThatThrownBy(() -> CLUSTER.admin().client())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Only the cluster token");
  }

  @Test
  void aDerivedTokensText_isNeverInItsName() {
    for (ClusterToken t :
        new ClusterToken[] {CLUSTER.admin(), CLUSTER.client(), CLUSTER.forJob("ab12")}) {
      assertThat(t.toString()).doesNotContain(t.secret().substring(5));
    }
  }

  @Test
  void membershipCalls_takeTheClusterTokenOnly_andTheClientToken_mayOnlyStartAJob() {
    Principal node = new Principal(Principal.Kind.NODE, "");
    Principal admin = new Principal(Principal.Kind.ADMIN, "");
    Principal client = new Principal(Principal.Kind.CLIENT, "");
    Principal job = Principal.job("ab12");
    assertThat(node.refusal("manta.v1.Head/RegisterNode")).isNull();
    assertThat(admin.refusal("manta.v1.Head/RegisterNode")).contains("cluster token only");
    assertThat(job.refusal("manta.v1.Head/Heartbeat")).contains("job ab12's credential");
    assertThat(client.refusal("manta.v1.Head/NewJob")).isNull();
    assertThat(client.refusal("manta.v1.Head/KvGet")).contains("may only start a job");
    assertThat(job.refusal("manta.v1.Head/KvGet")).isNull();
  }

  @Test
  void aJobActsForItselfOnly_andTheRefusalNamesWhatAndWhose() {
    Principal job = Principal.job("ab12");
    assertThat(job.mayActFor("ab12")).isTrue();
    assertThat(job.mayActFor("cd34")).isFalse();
    assertThat(new Principal(Principal.Kind.ADMIN, "").mayActFor("cd34")).isTrue();
    assertThatThrownBy(() -> job.check("cd34", "actor 1:2"))
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e -> {
              Status s = ((StatusRuntimeException) e).getStatus();
              assertThat(s.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
              assertThat(s.getDescription())
                  .contains("actor 1:2 belongs to job cd34")
                  .contains("job ab12's credential");
            });
  }

  @Test
  void somethingOfNoJob_isTheClustersAndTheAdminsOnly() {
    assertThat(Principal.job("ab12").mayActFor("")).isFalse();
    assertThat(new Principal(Principal.Kind.CLIENT, "").mayActFor("")).isFalse();
    assertThat(new Principal(Principal.Kind.ADMIN, "").mayActFor("")).isTrue();
    assertThat(new Principal(Principal.Kind.NODE, "").mayActFor("")).isTrue();
    assertThat(Principal.job("ab12").denied("object 0a", "").getStatus().getDescription())
        .contains("object 0a is of no job")
        .contains("job ab12's credential");
  }
}
