package dev.vantage.server.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** One kind of resource: immutable values by id, each change one atomic compute. */
final class Table<K, V> {
    private final ConcurrentHashMap<K, Entry<V>> rows = new ConcurrentHashMap<>();
    private final Function<String, K> idOf;
    private final IdGenerator ids;

    Table(Function<String, K> idOf, IdGenerator ids) {
        this.idOf = idOf;
        this.ids = ids;
    }

    V create(Function<K, V> factory) {
        while (true) {
            K id = idOf.apply(ids.next());
            V value = factory.apply(id);
            if (rows.putIfAbsent(id, new Entry<>(ids.sequence(), value)) == null) {
                return value;
            }
        }
    }

    Optional<V> get(K id) {
        Entry<V> e = rows.get(id);
        return e == null ? Optional.empty() : Optional.of(e.value);
    }

    Optional<V> update(K id, UnaryOperator<V> change) {
        Entry<V> e = rows.computeIfPresent(id, (k, old) -> new Entry<>(old.sequence, change.apply(old.value)));
        return e == null ? Optional.empty() : Optional.of(e.value);
    }

    /** Matching values in creation order. */
    List<V> filter(Predicate<V> filter) {
        return rows.values().stream()
                .filter(e -> filter.test(e.value))
                .sorted(Comparator.comparingLong(e -> e.sequence))
                .map(e -> e.value)
                .toList();
    }

    void clear() {
        rows.clear();
    }

    private record Entry<V>(long sequence, V value) {
    }
}
