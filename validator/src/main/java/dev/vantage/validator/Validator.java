package dev.vantage.validator;

/**
 * Checks a challenge against its target. Blocking: the server calls it on its own worker pool.
 * Implementations are thread-safe.
 */
public interface Validator {
    /** Checks the challenge, then CAA (RFC 8659), from every perspective, and decides by quorum. */
    ValidationReport validate(ValidationRequest request);

    /**
     * Checks only CAA, from every perspective with the same quorum: Let's Encrypt's re-check at
     * finalize for an authorization validated too long ago. {@code request.type()} is the method
     * that validated it (RFC 8657 §4); token and key authorization are not used.
     */
    ValidationReport checkCaa(ValidationRequest request);
}
