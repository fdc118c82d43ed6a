package dev.manta.runtime.ownership;

/**
 * The object that every {@link RefImpl} to one object shares within one generation: while any such
 * ref is reachable, so is this handle, and the object counts one local (or borrowed) reference. Its
 * collection is what releases that reference.
 */
final class Handle {
  final OwnedObject object;
  final ReferenceTable table;
  final boolean borrowed;

  Handle(OwnedObject object, ReferenceTable table, boolean borrowed) {
    this.object = object;
    this.table = table;
    this.borrowed = borrowed;
  }
}
