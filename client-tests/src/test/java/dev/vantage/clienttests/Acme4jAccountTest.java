package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vantage.server.junit.VantageExtension;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * Account lifecycle with acme4j (RFC 8555 §7.3): after a key change (§7.3.5) only the new key
 * reaches the account (the old one is unknown to newAccount and its signatures no longer verify
 * for the account URL), and after deactivation (§7.3.6) the server refuses the account's requests
 * with an {@code unauthorized} problem.
 */
final class Acme4jAccountTest {
    static final URI ACCOUNT_DOES_NOT_EXIST = URI.create("urn:ietf:params:acme:error:accountDoesNotExist");
    static final URI UNAUTHORIZED = URI.create("urn:ietf:params:acme:error:unauthorized");
    static final URI MALFORMED = URI.create("urn:ietf:params:acme:error:malformed");

    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);

    static Login existing(KeyPair keys) throws Exception {
        return new AccountBuilder().onlyExisting().useKeyPair(keys).createLogin(Acme4j.session(ca));
    }

    @Test
    void afterAKeyChangeTheNewKeyFindsAndUsesTheAccountAndTheOldKeyNoLongerLogsIn() throws Exception {
        KeyPair oldKeys = Acme4j.ecKeys();
        KeyPair newKeys = Acme4j.ecKeys();
        Login login = Acme4j.newAccount(Acme4j.session(ca), oldKeys);
        URL location = login.getAccountLocation();

        login.getAccount().changeKey(newKeys);

        Login renewed = existing(newKeys);
        assertEquals(location, renewed.getAccountLocation(), "the new key finds the same account");
        Order order = renewed.newOrder().domain("rekeyed.test").create();
        assertEquals(Status.PENDING, order.getStatus(), "the new key can order");

        AcmeServerException lookup = assertThrows(AcmeServerException.class, () -> existing(oldKeys));
        assertEquals(ACCOUNT_DOES_NOT_EXIST, lookup.getType(), lookup::getMessage);
        Login stale = Acme4j.session(ca).login(location, oldKeys);
        AcmeServerException signed = assertThrows(AcmeServerException.class,
                () -> stale.newOrder().domain("stale.test").create());
        // the account's key is now the new one, so the old signature fails verification (Boulder: malformed)
        assertEquals(MALFORMED, signed.getType(), signed::getMessage);
    }

    @Test
    void aDeactivatedAccountIsRefusedWithAnUnauthorizedProblem() throws Exception {
        KeyPair keys = Acme4j.ecKeys();
        Login login = Acme4j.newAccount(Acme4j.session(ca), keys);
        Account account = login.getAccount();

        account.deactivate();
        assertEquals(Status.DEACTIVATED, account.getStatus());

        AcmeServerException ordering = assertThrows(AcmeServerException.class,
                () -> login.newOrder().domain("deactivated.test").create());
        assertEquals(UNAUTHORIZED, ordering.getType(), ordering::getMessage);
        AcmeServerException fetching = assertThrows(AcmeServerException.class, account::fetch);
        assertEquals(UNAUTHORIZED, fetching.getType(), fetching::getMessage);
        AcmeServerException lookup = assertThrows(AcmeServerException.class, () -> existing(keys));
        assertEquals(UNAUTHORIZED, lookup.getType(), lookup::getMessage);
    }
}
