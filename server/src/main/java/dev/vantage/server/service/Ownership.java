package dev.vantage.server.service;

import dev.vantage.server.model.Account;
import dev.vantage.server.model.Owned;
import dev.vantage.server.problem.AcmeProblemException;
import java.util.Optional;

/** Which resources an account may act on: its own. */
final class Ownership {
    private Ownership() {
    }

    /**
     * The resource when it exists and belongs to {@code account}; otherwise a 404 naming
     * {@code what}, the same answer for another account's resource as for an unknown one, so ids
     * of other accounts' resources are not revealed.
     */
    static <T extends Owned> T own(Account account, Optional<T> found, String what) {
        return found.filter(r -> r.account().equals(account.id()))
                .orElseThrow(() -> AcmeProblemException.notFound(what));
    }
}
