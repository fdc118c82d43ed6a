/**
 * Content hashes of the code a cluster ships: the SHA-256 that names each class path entry, and a
 * per-user cache of those hashes so that a driver or node that starts again does not read and hash
 * its unchanged jars again.
 */
package dev.manta.cluster.code;
