package dev.vantage.validator;

/**
 * Checks a challenge against its target. Blocking: the server calls it on its own worker pool.
 * Implementations are thread-safe.
 */
public interface Validator {
    ValidationReport validate(ValidationRequest request);
}
