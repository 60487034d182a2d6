/**
 * Tamper evidence for the ledger: a per-engagement hash chain in event metadata, signed Merkle-tree
 * digests over all engagements' heads, and a verifier that recomputes everything from the raw stored
 * rows, online (read-only JDBC) or offline (an export bundle).
 *
 * <ul>
 *   <li>{@link org.engagementledger.integrity.EventHasher}: the chain's record and hash format (version 1);</li>
 *   <li>{@link org.engagementledger.integrity.ChainedEventStorageEngine}: the Axon storage-engine decorator
 *       that writes the chain, for every write path;</li>
 *   <li>{@link org.engagementledger.integrity.Digest}, {@link org.engagementledger.integrity.MerkleTree},
 *       {@link org.engagementledger.integrity.KeyFiles}: signed checkpoints (RFC 9162 tree, Ed25519);</li>
 *   <li>{@link org.engagementledger.integrity.LedgerVerifier},
 *       {@link org.engagementledger.integrity.BundleVerifier}, {@link org.engagementledger.integrity.Bundle}:
 *       verification and its findings;</li>
 *   <li>{@link org.engagementledger.integrity.LedgerIntegrity}: the entry point for hosts and the command line.</li>
 * </ul>
 * Canonical JSON is RFC 8785 ({@link org.engagementledger.integrity.CanonicalJson}); numbers in hashed
 * structures are strings. This package reads the event table directly and uses no read model.
 */
package org.engagementledger.integrity;
