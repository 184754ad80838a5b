package dev.vantage.server.problem;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 7807 problem document as ACME uses it (RFC 8555 §6.7): a type, a human-readable detail,
 * optional subproblems (§6.7.1) each naming its identifier, and extra members such as
 * {@code algorithms} for {@code badSignatureAlgorithm} (§6.2).
 *
 * @param identifier for a subproblem: the identifier it concerns, as {@code {type, value}}; else null
 */
public record Problem(ProblemType type, String detail, Map<String, String> identifier,
                      List<Problem> subproblems, Map<String, Object> extra) {

    public Problem {
        detail = detail == null ? "" : detail;
        subproblems = subproblems == null ? List.of() : List.copyOf(subproblems);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, List.of(), Map.of());
    }

    /** A subproblem about one identifier. */
    public static Problem about(String identifierType, String identifierValue, ProblemType type, String detail) {
        return new Problem(type, detail, Map.of("type", identifierType, "value", identifierValue), List.of(), Map.of());
    }

    public Problem withSubproblems(List<Problem> subs) {
        return new Problem(type, detail, identifier, subs, extra);
    }

    public Problem withExtra(String member, Object value) {
        Map<String, Object> more = new HashMap<>(extra);
        more.put(member, value);
        return new Problem(type, detail, identifier, subproblems, more);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return type.status();
    }

    /** The problem document answered with its type's usual status. */
    public Map<String, Object> document() {
        return document(status());
    }

    /**
     * The RFC 7807 document for a response with {@code status}, with ACME's members (RFC 8555
     * §6.7): the identifier of a subproblem, the subproblems (§6.7.1, which carry no status of
     * their own) and any extra members. The ACME and management APIs both answer with it.
     */
    public Map<String, Object> document(int status) {
        return render(status);
    }

    private Map<String, Object> render(Integer status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type.urn());
        doc.put("detail", detail);
        if (status != null) {
            doc.put("status", status);
        }
        if (identifier != null) {
            doc.put("identifier", identifier);
        }
        if (!subproblems.isEmpty()) {
            doc.put("subproblems", subproblems.stream().map(p -> p.render(null)).toList());
        }
        doc.putAll(extra);
        return doc;
    }
}
