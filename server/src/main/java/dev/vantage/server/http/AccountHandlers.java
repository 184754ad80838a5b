package dev.vantage.server.http;

import dev.vantage.server.jws.Jwks;
import dev.vantage.server.jws.SignedMessage;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.model.Order;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.service.AccountService;
import dev.vantage.server.store.Store;
import java.util.List;
import java.util.Map;

/** newAccount (RFC 8555 §7.3), the account resource (§7.3.2, §7.3.6), its orders (§7.1.2.1), keyChange (§7.3.5). */
final class AccountHandlers {
    private final AccountService accounts;
    private final int ordersPerPage;

    AccountHandlers(AccountService accounts, int ordersPerPage) {
        this.accounts = accounts;
        this.ordersPerPage = ordersPerPage;
    }

    record NewAccountPayload(List<String> contact, Boolean termsOfServiceAgreed, Boolean onlyReturnExisting,
                             Map<String, Object> externalAccountBinding) {
    }

    record AccountUpdatePayload(List<String> contact, String status) {
    }

    record KeyChangePayload(String account, Map<String, Object> oldKey) {
    }

    Response newAccount(SignedRequest r) {
        NewAccountPayload p = r.payload(NewAccountPayload.class);
        Store.Created<Account> result = accounts.newAccount(r.key(), new AccountService.NewAccount(p.contact(),
                Boolean.TRUE.equals(p.termsOfServiceAgreed()), Boolean.TRUE.equals(p.onlyReturnExisting()),
                p.externalAccountBinding()),
                r.links().newAccount());
        Account a = result.value();
        return Response.json(result.created() ? 201 : 200, Views.account(a, r.links()))
                .withLocation(r.links().account(a.id()));
    }

    Response account(SignedRequest r) {
        Account own = own(r);
        Account a = own;
        if (!r.message().postAsGet()) {
            AccountUpdatePayload p = r.payload(AccountUpdatePayload.class);
            a = accounts.update(own, p.contact(), p.status());
        }
        return Response.json(200, Views.account(a, r.links())).withLocation(r.links().account(a.id()));
    }

    /** The account's orders, a page at a time with {@code Link: rel="next"} (RFC 8555 §7.1.2.1). */
    Response orders(SignedRequest r) {
        Account a = own(r);
        r.requirePostAsGet();
        List<Order> all = accounts.orders(a);
        int page = pageNumber(r);
        int from = (int) Math.min(all.size(), (long) page * ordersPerPage);
        int to = Math.min(all.size(), from + ordersPerPage);
        List<String> urls = all.subList(from, to).stream().map(o -> r.links().order(o.id())).toList();
        Response response = Response.json(200, Map.of("orders", urls));
        if (to < all.size()) {
            response = response.withLink(r.links().accountOrders(a.id()) + "?cursor=" + (page + 1), "next");
        }
        return response;
    }

    /**
     * The outer JWS is signed by the old key (kid); its payload is an inner JWS signed by the new
     * key (jwk) with the same url, whose payload names the account and the old key.
     */
    Response keyChange(SignedRequest r) {
        SignedMessage inner = SignedMessage.parseKeyChange(r.message().payloadText());
        AccountKey newKey = inner.embeddedKey().orElseThrow();
        inner.verify(newKey);
        if (!inner.url().equals(r.message().url())) {
            throw AcmeProblemException.malformed("the inner JWS \"url\" must equal the outer one");
        }
        KeyChangePayload p = SignedRequest.read(inner.payload(), KeyChangePayload.class, "key change payload");
        if (!r.links().account(r.account().id()).equals(p.account())) {
            throw AcmeProblemException.unauthorized("\"account\" in the key change must be the signing account's URL");
        }
        if (p.oldKey() == null) {
            throw AcmeProblemException.malformed("the key change must name \"oldKey\"");
        }
        AccountKey claimedOld = Jwks.accountKey(p.oldKey());
        try {
            Account a = accounts.changeKey(r.account(), claimedOld, newKey);
            return Response.json(200, Views.account(a, r.links())).withLocation(r.links().account(a.id()));
        } catch (AccountService.KeyInUseException e) {
            throw new AcmeProblemException(Problem.of(ProblemType.MALFORMED, "the new key is already used by an account"), 409)
                    .withLocation(r.links().account(e.holder().id()));
        }
    }

    private static Account own(SignedRequest r) {
        if (!r.account().id().equals(new AccountId(r.param("id")))) {
            throw AcmeProblemException.unauthorized("the request is signed by another account");
        }
        return r.account();
    }

    private static int pageNumber(SignedRequest r) {
        String url = r.message().url();
        int at = url.indexOf("cursor=");
        if (at < 0) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(url.substring(at + "cursor=".length())));
        } catch (NumberFormatException e) {
            throw AcmeProblemException.malformed("cursor must be a page number");
        }
    }
}
