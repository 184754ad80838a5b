package dev.vantage.validator;

/**
 * One challenge type's check, run from one perspective. Implementations hold only configuration,
 * so one instance serves every validation and perspective concurrently. Network and protocol
 * failures come back as problems; only a bug throws.
 */
sealed interface ChallengeCheck permits Http01Check, Dns01Check, TlsAlpn01Check {

    CheckOutcome check(Perspective perspective, ValidationRequest request);
}
