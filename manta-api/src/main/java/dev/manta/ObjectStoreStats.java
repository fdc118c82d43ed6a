package dev.manta;

/**
 * A snapshot of the object store's counters. Each number is exact at some instant during the call,
 * but different numbers may come from slightly different instants while work is running.
 *
 * @param capacityBytes the hard capacity
 * @param usedBytes bytes held in memory now (never more than the capacity)
 * @param pinnedBytes bytes of objects in use (being read, or arguments of running tasks)
 * @param objectCount objects in memory now
 * @param spilledCount objects on disk now
 * @param spilledBytes bytes on disk now
 * @param spillsTotal objects spilled since start
 * @param restoresTotal objects restored from disk since start
 * @param evictionsTotal objects dropped from memory since start (spilled or freed unreferenced)
 * @param peakUsedBytes the highest {@code usedBytes} since start
 * @param reclaimsTotal times the store, finding no room, had the owner free the objects whose refs
 *     were dropped (collecting them) before spilling anything still referenced
 * @param reclaimedBytesTotal memory those reclaims gave back
 * @param reclaimNanosTotal time spent in them (the cost of dropping refs instead of freeing them)
 */
public record ObjectStoreStats(
    long capacityBytes,
    long usedBytes,
    long pinnedBytes,
    long objectCount,
    long spilledCount,
    long spilledBytes,
    long spillsTotal,
    long restoresTotal,
    long evictionsTotal,
    long peakUsedBytes,
    long reclaimsTotal,
    long reclaimedBytesTotal,
    long reclaimNanosTotal) {}
