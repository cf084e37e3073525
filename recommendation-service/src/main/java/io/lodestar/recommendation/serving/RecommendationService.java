package io.lodestar.recommendation.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.recommendation.catalogue.Catalogue;
import io.lodestar.recommendation.catalogue.ItemView;
import io.lodestar.recommendation.config.InteractionConfig;
import io.lodestar.recommendation.config.ServingConfig;
import io.lodestar.recommendation.interaction.Interaction;
import io.lodestar.recommendation.interaction.InteractionRepository;
import io.lodestar.recommendation.interaction.InteractionRepository.CustomerContext;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.training.ActiveModels;
import io.lodestar.recommendation.training.CustomerGroups;
import io.lodestar.recommendation.training.ModelSet;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers {@code GET /recommendations/{customerId}}: the cached list when there is one (home and message scenes),
 * otherwise the customer's latest interactions, hidden items, profile context and segment are read in parallel and
 * the {@link RecommendationEngine} scores them against the active model version. An unknown customer is a cold start,
 * not an error; Redis failures only cost the cache and the segment.
 */
@ApplicationScoped
public class RecommendationService {

    /**
     * A cached list and the k it was computed for: a list shorter than that k is complete (the rules left no more),
     * so it answers any request up to that k.
     */
    record CachedList(int computedFor, boolean coldStart, List<RecommendedItem> items) {
    }

    private final Pool pool;
    private final InteractionRepository interactions;
    private final CustomerGroups groups;
    private final ActiveModels models;
    private final Catalogue catalogue;
    private final RecommendationCache cache;
    private final RecommendationEngine engine;
    private final InteractionWeighting weighting;
    private final InteractionConfig interactionConfig;
    private final ServingConfig config;
    private final ObjectMapper json;
    private final TrendingNow trending;

    public RecommendationService(Pool pool, InteractionRepository interactions, CustomerGroups groups,
                                 ActiveModels models, Catalogue catalogue, RecommendationCache cache,
                                 InteractionConfig interactionConfig, ServingConfig config, ObjectMapper json,
                                 TrendingNow trending) {
        this.trending = trending;
        this.pool = pool;
        this.interactions = interactions;
        this.groups = groups;
        this.models = models;
        this.catalogue = catalogue;
        this.cache = cache;
        this.engine = new RecommendationEngine(ServingPolicy.of(config));
        this.weighting = InteractionWeighting.of(interactionConfig);
        this.interactionConfig = interactionConfig;
        this.config = config;
        this.json = json;
    }

    public Uni<RecommendationsView> recommend(String customerId, String sceneName, String itemId, Integer k) {
        return answer(customerId, sceneName, itemId, k).call(view -> cache.rememberServed(view.recommendationId(),
                view.scene(), view.items(), config.servedTtl()));
    }

    private Uni<RecommendationsView> answer(String customerId, String sceneName, String itemId, Integer k) {
        Scene scene = Scene.parse(sceneName == null ? "home" : sceneName).orElseThrow(() -> new InvalidInputException(
                "scene", "must be one of home, product, cart, message, was " + sceneName));
        int size = k == null ? config.defaultK() : k;
        if (size < 1 || size > 100) {
            throw new InvalidInputException("k", "must be 1 to 100, was " + size);
        }
        if (scene == Scene.PRODUCT && itemId == null) {
            throw new InvalidInputException("itemId", "is required in the product scene");
        }
        if (itemId != null && catalogue.find(itemId).isEmpty()) {
            throw new ResourceNotFoundException("no item " + itemId);
        }
        boolean cacheable = itemId == null && (scene == Scene.HOME || scene == Scene.MESSAGE);
        Optional<ModelSet> active = models.current();
        Long version = active.map(ModelSet::version).orElse(null);
        Uni<String> cached = cacheable ? cache.get(customerId, scene) : Uni.createFrom().nullItem();
        return cached.chain(hit -> {
            CachedList fromCache = hit == null ? null : parse(hit);
            if (fromCache != null && fromCache.computedFor() >= size) {
                List<RecommendedItem> items = fromCache.items();
                return Uni.createFrom().item(new RecommendationsView(customerId, scene.wire(), UUID.randomUUID(),
                        version, fromCache.coldStart(), true, items.subList(0, Math.min(size, items.size()))));
            }
            return compute(customerId, scene, itemId, size, active.orElse(null)).call(view -> cacheable
                    ? cache.put(customerId, scene, write(new CachedList(size, view.coldStart(), view.items())),
                            config.cacheTtl())
                    : Uni.createFrom().voidItem());
        });
    }

    /** Computes and caches a customer's home list of the precompute size (after a training run). */
    Uni<Void> precompute(String customerId, ModelSet active) {
        return compute(customerId, Scene.HOME, null, config.precomputeSize(), active)
                .chain(view -> cache.put(customerId, Scene.HOME, write(new CachedList(config.precomputeSize(),
                        view.coldStart(), view.items())), config.cacheTtl()));
    }

    private Uni<RecommendationsView> compute(String customerId, Scene scene, String itemId, int k, ModelSet active) {
        Instant now = Instant.now();
        Instant since = now.minus(interactionConfig.horizon());
        Uni<List<Interaction>> latest = pool.withConnection(c -> interactions.latest(c, customerId, since,
                interactionConfig.servingHistoryLimit()));
        Uni<Set<String>> hidden = pool.withConnection(c -> interactions.hiddenItems(c, customerId));
        Uni<Optional<CustomerContext>> context = pool.withConnection(c -> interactions.context(c, customerId));
        Uni<String> segment = groups.segmentOf(customerId);
        // Scoring (ALS fold-in, item-CF, rules: a few milliseconds of CPU) runs on a worker, not the event loop.
        return Uni.combine().all().unis(latest, hidden, context, segment).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(read -> {
            CustomerContext profile = read.getItem3().orElse(new CustomerContext(null, null));
            CustomerState state = CustomerState.of(read.getItem1(), active, weighting, now, read.getItem2(),
                    read.getItem4(), profile.region(), profile.ageBand(LocalDate.ofInstant(now, ZoneOffset.UTC)));
            List<RecommendedItem> items = engine.recommend(active, itemLookup(), state, scene, itemId, k, now,
                    trending.itemIds());
            return new RecommendationsView(customerId, scene.wire(), UUID.randomUUID(),
                    active == null ? null : active.version(), state.cold(), false, items);
        });
    }

    RecommendationEngine.Items itemLookup() {
        return new RecommendationEngine.Items() {
            @Override
            public ItemView find(String itemId) {
                return catalogue.find(itemId).orElse(null);
            }

            @Override
            public List<ItemView> inCategory(String category) {
                return catalogue.inCategory(category);
            }
        };
    }

    private CachedList parse(String cached) {
        try {
            return json.readValue(cached, CachedList.class);
        } catch (JsonProcessingException e) {
            Log.warnf("unreadable cached recommendations ignored: %s", e.getOriginalMessage());
            return null;
        }
    }

    private String write(CachedList list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recommendations not serialisable", e);
        }
    }
}
