package dev.manta.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A spilled object read back from disk into the node's store memory because it was needed. */
@Name("dev.manta.Restore")
@Label("Object Restore")
@Category("Manta")
@Description("A spilled object read back from disk into store memory")
@StackTrace(false)
public final class RestoreEvent extends Event {
  /** The object's id, in hex. */
  @Label("Object Id")
  public String objectId;

  /** Bytes read. */
  @Label("Size")
  @DataAmount
  public long bytes;
}
