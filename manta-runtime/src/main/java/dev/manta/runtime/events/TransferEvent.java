package dev.manta.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** An object's bytes copied from another node's store into this one (cluster mode). */
@Name("dev.manta.ObjectTransfer")
@Label("Object Transfer")
@Category("Manta")
@Description("An object pulled from another node's store")
@StackTrace(false)
public final class TransferEvent extends Event {
  /** The object's id, in hex. */
  @Label("Object Id")
  public String objectId;

  /** The node the bytes came from. */
  @Label("From")
  public String from;

  /** Bytes received. */
  @Label("Size")
  @DataAmount
  public long bytes;

  /** Whether the transfer completed ({@code false}: it failed part way). */
  @Label("Succeeded")
  public boolean succeeded;
}
