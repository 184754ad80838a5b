package dev.vantage.config;

/**
 * When enough remote perspectives agree with the primary (CA/Browser Forum BR §3.2.2.9).
 *
 * @param mode              {@code br} (default), {@code all} or {@code log-only}
 * @param maxRemoteFailures in {@code br} mode, the remote failures allowed; null takes the BR
 *                          table (1 remote: 0, 2–5 remotes: 1, 6 or more: 2)
 * @param minRirs           in {@code br} mode, how many distinct RIRs the passing remotes must
 *                          span (BR: 2, from 2026-03-15); 0 or 1 turns the rule off. It applies
 *                          once two or more remotes are enabled
 */
public record QuorumConfig(QuorumMode mode, Integer maxRemoteFailures, int minRirs) {

    public QuorumConfig {
        mode = mode == null ? QuorumMode.BR : mode;
        if (maxRemoteFailures != null) {
            Check.range("maxRemoteFailures", maxRemoteFailures, 0, 64);
        }
        Check.range("minRirs", minRirs, 0, VantagePointConfig.RIRS.size());
    }

    /** The Baseline Requirements' rule: the table and two RIRs. */
    public static QuorumConfig defaults() {
        return new QuorumConfig(QuorumMode.BR, null, 2);
    }
}
