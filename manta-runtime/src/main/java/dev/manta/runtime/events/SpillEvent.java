package dev.manta.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** An object written from the node's store memory to its spill directory to make room. */
@Name("dev.manta.Spill")
@Label("Object Spill")
@Category("Manta")
@Description("An object written from store memory to disk")
@StackTrace(false)
public final class SpillEvent extends Event {
  /** The object's id, in hex. */
  @Label("Object Id")
  public String objectId;

  /** Bytes written. */
  @Label("Size")
  @DataAmount
  public long bytes;
}
