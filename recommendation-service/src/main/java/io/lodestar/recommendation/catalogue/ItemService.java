package io.lodestar.recommendation.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.recommendation.catalogue.ItemRepository.ItemWrite;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The catalogue's writes and reads; every write is one transaction and refreshes the in-memory {@link Catalogue}. */
@ApplicationScoped
public class ItemService {

    private final Pool pool;
    private final ItemRepository items;
    private final Catalogue catalogue;

    public ItemService(Pool pool, ItemRepository items, Catalogue catalogue) {
        this.pool = pool;
        this.items = items;
        this.catalogue = catalogue;
    }

    /** Creates or replaces one item; the result says which. */
    public Uni<Saved> put(@NotNull @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE) String itemId,
                          @NotNull @Valid ItemRequest request) {
        return pool.withTransaction(connection -> items.upsert(connection, List.of(new ItemWrite(itemId, request)))
                        .chain(created -> items.find(connection, itemId)
                                .map(view -> new Saved(view.orElseThrow(), created == 1))))
                .call(saved -> catalogue.refresh());
    }

    /** Creates or replaces up to 1,000 items in one transaction; a duplicate id in the batch is refused. */
    public Uni<BatchResultView> putAll(@NotNull @Valid BatchItemRequest request) {
        Set<String> seen = new HashSet<>();
        List<Problem.Violation> duplicates = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            if (!seen.add(request.items().get(i).itemId())) {
                duplicates.add(new Problem.Violation("items[" + i + "].itemId", "appears earlier in the batch"));
            }
        }
        if (!duplicates.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(duplicates));
        }
        List<ItemWrite> writes = request.items().stream().map(e -> new ItemWrite(e.itemId(), e.item())).toList();
        return pool.withTransaction(connection -> items.upsert(connection, writes))
                .map(created -> new BatchResultView(created, writes.size() - created))
                .call(result -> catalogue.refresh());
    }

    public Uni<ItemView> get(String itemId) {
        return pool.withConnection(connection -> items.find(connection, itemId))
                .map(view -> view.orElseThrow(() -> new ResourceNotFoundException("no item " + itemId)));
    }

    /** A written item and whether it is new. */
    public record Saved(ItemView item, boolean created) {
    }
}
