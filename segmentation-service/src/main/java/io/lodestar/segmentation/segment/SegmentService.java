package io.lodestar.segmentation.segment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.segmentation.Slugs;
import io.lodestar.segmentation.rule.Condition;
import io.lodestar.segmentation.rule.ConditionCodec;
import io.lodestar.segmentation.rule.RuleSegmentQuery;
import io.lodestar.segmentation.rule.SegmentLookup;
import io.lodestar.segmentation.rule.SegmentReferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Rule segments: validated condition trees (schema, operators, references and cycles), a live preview, and the
 * members each run computed. Deleting a segment that another references is refused.
 */
@ApplicationScoped
public class SegmentService {

    static final int PREVIEW_SAMPLE = 20;
    static final int MAX_PAGE = 1000;

    private final SegmentRepository segments;
    private final ConditionCodec codec;

    public SegmentService(SegmentRepository segments, ConditionCodec codec) {
        this.segments = segments;
        this.codec = codec;
    }

    public Uni<SegmentView> create(@NotNull @Valid SegmentRequest request) {
        Condition condition = codec.read(request.condition(), "condition");
        String id = Slugs.of(request.name());
        return lookup().chain(stored -> {
            SegmentReferences.check(id, condition, stored, "condition");
            return segments.insert(id, request, codec.write(condition), Instant.now());
        }).chain(inserted -> inserted ? get(id) : Uni.createFrom().failure(new ConflictException(
                "a segment named '" + request.name() + "' (id " + id + ") exists already")));
    }

    public Uni<SegmentView> replace(String id, @NotNull @Valid SegmentRequest request) {
        Condition condition = codec.read(request.condition(), "condition");
        return require(id).chain(existing -> lookup()).chain(stored -> {
            SegmentReferences.check(id, condition, stored, "condition");
            return segments.replace(id, request, codec.write(condition), Instant.now());
        }).chain(replaced -> replaced ? get(id) : Uni.createFrom().failure(new ConflictException(
                "another segment is named '" + request.name() + "'")));
    }

    public Uni<Void> delete(String id) {
        return require(id).chain(segments::all).chain(all -> {
            List<String> referencing = all.stream().filter(s -> !s.id().equals(id))
                    .filter(s -> SegmentReferences.referencedBy(codec.read(s.condition())).contains(id))
                    .map(SegmentRepository.StoredSegment::id).toList();
            if (!referencing.isEmpty()) {
                return Uni.createFrom().failure(new ConflictException("segment " + id + " is referenced by "
                        + String.join(", ", referencing) + "; change those first"));
            }
            return segments.delete(id).replaceWithVoid();
        });
    }

    public Uni<SegmentView> get(String id) {
        return require(id).chain(s -> segments.memberCount(id).map(count -> view(s, count)));
    }

    public Uni<List<SegmentView>> list() {
        return segments.all().chain(all -> all.isEmpty() ? Uni.createFrom().item(List.<SegmentView>of())
                : Uni.join().all(all.stream().map(s -> segments.memberCount(s.id()).map(count -> view(s, count)))
                        .toList()).andFailFast());
    }

    /** Members as of the last run, by customer id. */
    public Uni<CursorPage<String>> members(String id, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE + ", was " + limit);
        }
        String after = CursorPage.decode(cursor);
        return require(id).chain(s -> segments.members(id, after, limit + 1))
                .map(ids -> CursorPage.of(ids, limit, member -> member, member -> member));
    }

    /** How many customers the condition selects now, with a sample, without saving anything. */
    public Uni<PreviewView> preview(@NotNull @Valid PreviewRequest request) {
        Condition condition = codec.read(request.condition(), "condition");
        Instant now = Instant.now();
        return lookup().chain(stored -> {
            SegmentReferences.check(null, condition, stored, "condition");
            RuleSegmentQuery query = RuleSegmentQuery.of(condition, now, stored);
            return segments.count(query.count()).chain(count -> segments.customerIds(query.sample(PREVIEW_SAMPLE))
                    .map(sample -> new PreviewView(now, count, sample)));
        });
    }

    /** Every stored segment's condition, for references (validation) and evaluation (runs). */
    public Uni<SegmentLookup> lookup() {
        return conditions().map(SegmentLookup::of);
    }

    /** Every stored segment's condition by id. */
    public Uni<Map<String, Condition>> conditions() {
        return segments.all().map(all -> {
            Map<String, Condition> conditions = new HashMap<>();
            all.forEach(s -> conditions.put(s.id(), codec.read(s.condition())));
            return conditions;
        });
    }

    /** Names by id, for membership labels. */
    public Uni<Map<String, String>> names() {
        return segments.all().map(all -> {
            Map<String, String> names = new HashMap<>();
            all.forEach(s -> names.put(s.id(), s.name()));
            return names;
        });
    }

    private Uni<SegmentRepository.StoredSegment> require(String id) {
        return segments.find(id).map(found -> found.orElseThrow(() -> ResourceNotFoundException.of("segment", id)));
    }

    private SegmentView view(SegmentRepository.StoredSegment s, long members) {
        return new SegmentView(s.id(), s.name(), s.description(), codec.toJson(codec.read(s.condition())), members,
                s.createdAt(), s.updatedAt());
    }
}
