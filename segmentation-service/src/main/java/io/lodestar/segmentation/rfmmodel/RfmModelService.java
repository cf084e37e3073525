package io.lodestar.segmentation.rfmmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.segmentation.Slugs;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmGroup;
import io.lodestar.segmentation.rfm.RfmModel;
import io.lodestar.segmentation.rfm.RfmSegment;
import io.lodestar.segmentation.rfm.ScoredCustomer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The RFM models operators manage, and the scores the latest run gave every customer under each. */
@ApplicationScoped
public class RfmModelService {

    static final int MAX_PAGE = 1000;
    /** Rows per database read while a CSV export streams. */
    private static final int EXPORT_CHUNK = 5000;

    private final RfmModelRepository models;

    public RfmModelService(RfmModelRepository models) {
        this.models = models;
    }

    public Uni<RfmModelView> create(@NotNull @Valid RfmModelRequest request) {
        RfmModelDefinitions.validate(request);
        String id = Slugs.of(request.name());
        Instant now = Instant.now();
        return models.insert(id, request, now).map(inserted -> {
            if (!inserted) {
                throw new ConflictException("an RFM model named '" + request.name() + "' (id " + id
                        + ") exists already");
            }
            return RfmModelView.of(id, request, now, now);
        });
    }

    public Uni<RfmModelView> replace(String id, @NotNull @Valid RfmModelRequest request) {
        RfmModelDefinitions.validate(request);
        Instant now = Instant.now();
        return models.replace(id, request, now).chain(outcome -> {
            if (outcome.isEmpty()) {
                return Uni.createFrom().failure(ResourceNotFoundException.of("rfm model", id));
            }
            if (!outcome.get()) {
                return Uni.createFrom().failure(
                        new ConflictException("an RFM model named '" + request.name() + "' exists already"));
            }
            return get(id);
        });
    }

    public Uni<RfmModelView> get(String id) {
        return require(id).map(m -> RfmModelView.of(m.id(), m.definition(), m.createdAt(), m.updatedAt()));
    }

    public Uni<List<RfmModelView>> list() {
        return models.all().map(all -> all.stream()
                .map(m -> RfmModelView.of(m.id(), m.definition(), m.createdAt(), m.updatedAt())).toList());
    }

    public Uni<Void> delete(String id) {
        return models.delete(id).chain(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ResourceNotFoundException.of("rfm model", id)));
    }

    /** Every model as the scoring core runs it, as of {@code runAsOf} unless a model fixes its own instant. */
    public Uni<List<NamedModel>> scoringModels(Instant runAsOf) {
        return models.all().map(all -> all.stream()
                .map(m -> new NamedModel(m.id(), m.definition().name(),
                        RfmModelDefinitions.toModel(m.definition(), runAsOf)))
                .toList());
    }

    /** A model to score with, under its id and name (the id keys its scores and tags). */
    public record NamedModel(String id, String name, RfmModel model) {
    }

    /** Replaces a model's scores with a run's, a chunk per statement (called from a run's job thread). */
    public Uni<Void> replaceScores(String modelId, List<ScoredCustomer> scored, int chunk) {
        Uni<Void> all = models.deleteScores(modelId);
        for (int from = 0; from < scored.size(); from += chunk) {
            List<ScoredCustomer> part = scored.subList(from, Math.min(scored.size(), from + chunk));
            all = all.chain(() -> models.insertScores(modelId, part));
        }
        return all;
    }

    /** The model's class (or segment) distribution and class × metric table, from the latest run's scores. */
    public Uni<RfmDistributionView> distribution(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("model", "must name an RFM model (GET /rfm-models lists them)");
        }
        return require(id).chain(model -> models.groupStatistics(id).map(rows -> {
            long customers = rows.stream().mapToLong(r -> r.getLong("customers")).sum();
            BigDecimal total = rows.stream().map(r -> r.getBigDecimal("monetary_total"))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            List<RfmDistributionView.GroupRow> groups = rows.stream().map(r -> new RfmDistributionView.GroupRow(
                    r.getString("group_name"), displayName(r.getString("group_name")), r.getLong("customers"),
                    (double) r.getLong("customers") / customers, r.getDouble("recency_mean"),
                    r.getDouble("recency_median"), r.getDouble("frequency_mean"), r.getBigDecimal("monetary_mean"),
                    r.getBigDecimal("monetary_total"), total.signum() == 0 ? 0
                            : r.getBigDecimal("monetary_total").doubleValue() / total.doubleValue())).toList();
            return new RfmDistributionView(id, model.definition().name(), customers, total, groups);
        }));
    }

    private static String displayName(String wireName) {
        return Stream.concat(Arrays.stream(RfmClass.values()), Arrays.stream(RfmSegment.values()))
                .filter(g -> g.wireName().equals(wireName)).map(RfmGroup::displayName).findFirst().orElse(wireName);
    }

    /** One page of a model's scores in customer id order, optionally of one class or segment. */
    public Uni<CursorPage<RfmScoreView>> scores(String id, String cursor, String group, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE + ", was " + limit);
        }
        requireGroup(group);
        String after = CursorPage.decode(cursor);
        return require(id).chain(model -> models.scores(id, after, group, limit + 1))
                .map(rows -> CursorPage.of(rows, limit, RfmScoreView::customerId, row -> row));
    }

    /** All of a model's scores as CSV, read from the database a chunk at a time while the response streams. */
    public Multi<String> exportCsv(String id, String group) {
        requireGroup(group);
        return require(id).onItem().transformToMulti(model -> Multi.createBy().concatenating().streams(
                Multi.createFrom().item(RfmScoreView.CSV_HEADER), csvChunksAfter(id, null, group)));
    }

    private Multi<String> csvChunksAfter(String id, String afterCustomerId, String group) {
        // Lazy: the next chunk is read only when the response has taken this one.
        return models.scores(id, afterCustomerId, group, EXPORT_CHUNK).onItem().transformToMulti(rows -> {
            StringBuilder chunk = new StringBuilder(rows.size() * 64);
            rows.forEach(row -> chunk.append(row.csvLine()));
            Multi<String> here = Multi.createFrom().item(chunk.toString());
            return rows.size() < EXPORT_CHUNK ? here : Multi.createBy().concatenating().streams(here,
                    csvChunksAfter(id, rows.get(rows.size() - 1).customerId(), group));
        });
    }

    private Uni<RfmModelRepository.StoredModel> require(String id) {
        return models.find(id).map(found -> found.orElseThrow(() -> ResourceNotFoundException.of("rfm model", id)));
    }

    private static void requireGroup(String group) {
        if (group == null) {
            return;
        }
        boolean known = Stream.concat(Arrays.stream(RfmClass.values()), Arrays.stream(RfmSegment.values()))
                .map(RfmGroup::wireName).anyMatch(group::equals);
        if (!known) {
            throw new InvalidInputException("class", "must be one of the 8 RFM classes or 11 RFM segments, was "
                    + group);
        }
    }
}
