package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.proto.BorrowBatch;
import dev.manta.cluster.proto.GetObjectRequest;
import dev.manta.cluster.proto.ValueMsg;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.StoredValue;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The owner's half of the borrow protocol keeps the counts B2 states, and serves values (B3). */
class BorrowingTest {
  private final FakeCore core = new FakeCore();
  private final Rpc.Channels channels = new Rpc.Channels();
  private final ClusterView view = FakeCore.view(channels, "n1");
  private final Borrowing borrowing =
      new Borrowing(core, view, channels, "agent-n1:1", () -> false);
  private final ObjectId a = new ObjectId(new TaskId(1, 10), 1);
  private final ObjectId b = new ObjectId(new TaskId(1, 11), 1);

  @AfterEach
  void close() throws InterruptedException {
    channels.close();
    core.close();
  }

  private static BorrowBatch borrows(long borrower, ObjectId... ids) {
    BorrowBatch.Builder req = BorrowBatch.newBuilder().setBorrowerPrefix(borrower);
    for (ObjectId id : ids) {
      req.addIds(Wire.id(id));
    }
    return req.build();
  }

  @Test
  void addThenRelease_countsOneReferencePerBorrowedId() {
    core.object(a, null);

    borrowing.addBorrows(borrows(5, a, a));
    assertThat(core.borrowCounts).containsEntry(a, 2);

    borrowing.releaseBorrows(borrows(5, a));
    assertThat(core.borrowCounts).containsEntry(a, 1);

    borrowing.releaseBorrows(borrows(5, a, a)); // one more than it holds: the extra changes nothing
    assertThat(core.borrowCounts).containsEntry(a, 0);
  }

  @Test
  void release_byABorrowerThatHoldsNothing_changesNothing() {
    core.object(a, null);
    borrowing.addBorrows(borrows(5, a));

    borrowing.releaseBorrows(borrows(6, a));

    assertThat(core.borrowCounts).containsEntry(a, 1);
  }

  @Test
  void add_ofAnObjectNoLongerLive_isIgnored() {
    borrowing.addBorrows(borrows(5, a));
    borrowing.borrowerDied(5);

    assertThat(core.borrowCounts).isEmpty();
  }

  @Test
  void borrowerDied_releasesEveryBorrowItStillHeld_once() {
    core.object(a, null);
    core.object(b, null);
    borrowing.addBorrows(borrows(5, a, b, b));
    borrowing.addBorrows(borrows(6, a));

    borrowing.borrowerDied(5);
    borrowing.borrowerDied(5);

    assertThat(core.borrowCounts).containsEntry(a, 1).containsEntry(b, 0);
  }

  @Test
  void serve_answersOnceTheValueIsReady() {
    OwnedObject o = core.object(a, null);
    Recorder out = new Recorder();

    borrowing.serve(GetObjectRequest.newBuilder().setId(Wire.id(a)).build(), out);
    assertThat(out.values).isEmpty();
    core.table.complete(o, new InlineValue(new byte[] {3}, 0));

    assertThat(out.values).hasSize(1);
    assertThat(((InlineValue) Wire.value(out.values.get(0), "n1")).bytes()).containsExactly(3);
    assertThat(out.completed).isTrue();
  }

  @Test
  void serve_objectNotLiveHere_answersWithFreed() {
    Recorder out = new Recorder();

    borrowing.serve(GetObjectRequest.newBuilder().setId(Wire.id(a)).build(), out);

    StoredValue v = Wire.value(out.values.get(0), "n1");
    assertThat(((Failure) v).kind()).isEqualTo(Failure.Kind.FREED);
    assertThat(((Failure) v).message()).isEqualTo("Object " + a.hex() + " was freed by its owner");
    assertThat(out.completed).isTrue();
  }

  private static final class Recorder implements StreamObserver<ValueMsg> {
    final List<ValueMsg> values = new CopyOnWriteArrayList<>();
    volatile boolean completed;

    @Override
    public void onNext(ValueMsg value) {
      values.add(value);
    }

    @Override
    public void onError(Throwable t) {
      throw new AssertionError("no error expected", t);
    }

    @Override
    public void onCompleted() {
      completed = true;
    }
  }
}
