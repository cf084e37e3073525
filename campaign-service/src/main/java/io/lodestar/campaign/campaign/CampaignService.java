package io.lodestar.campaign.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lodestar.campaign.dispatch.CampaignRunRepository;
import io.lodestar.campaign.dispatch.CampaignRunView;
import io.lodestar.campaign.dispatch.MessageRepository;
import io.lodestar.campaign.journey.JourneyRepository;
import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Campaign definitions and their lifecycle. Only drafts are edited; a move the lifecycle does not allow is a 409
 * naming both states. Ending a campaign (completed, cancelled) withdraws its held messages and ends its live journeys
 * in the same transaction, so nothing of it goes out afterwards.
 */
@ApplicationScoped
public class CampaignService {

    static final int MAX_PAGE = 200;

    private final Pool pool;
    private final CampaignRepository campaigns;
    private final CampaignValidator validator;
    private final MessageRepository messages;
    private final JourneyRepository journeys;
    private final CampaignRunRepository runs;

    public CampaignService(Pool pool, CampaignRepository campaigns, CampaignValidator validator,
                           MessageRepository messages, JourneyRepository journeys,
                           CampaignRunRepository runs) {
        this.pool = pool;
        this.campaigns = campaigns;
        this.validator = validator;
        this.messages = messages;
        this.journeys = journeys;
        this.runs = runs;
    }

    public Uni<CampaignView> create(@NotNull @Valid CampaignDefinition definition) {
        requireValid(validator.validate(definition));
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return pool.withTransaction(connection -> campaigns.insert(connection, id, definition, now)
                .chain(() -> campaigns.find(connection, id))).map(found -> CampaignView.of(found.orElseThrow()));
    }

    public Uni<CampaignView> update(String id, @NotNull @Valid CampaignDefinition definition) {
        requireValid(validator.validate(definition));
        return pool.withTransaction(connection -> campaigns.updateDraft(connection, id, definition, Instant.now())
                .chain(updated -> campaigns.find(connection, id).map(found -> {
                    Campaign campaign = found.orElseThrow(() -> ResourceNotFoundException.of("campaign", id));
                    if (!updated) {
                        throw new ConflictException("campaign " + id + " is " + campaign.status().wire()
                                + "; only drafts can be edited");
                    }
                    return CampaignView.of(campaign);
                })));
    }

    public Uni<CampaignView> get(String id) {
        return pool.withConnection(connection -> campaigns.find(connection, id))
                .map(found -> CampaignView.of(found.orElseThrow(() -> ResourceNotFoundException.of("campaign", id))));
    }

    public Uni<CursorPage<CampaignView>> list(String status, String cursor, int limit) {
        return page(status, cursor, limit).map(page -> page.map(CampaignView::of));
    }

    /** A cursor page of campaigns in id order, optionally of one status; 400 for a bad status or limit. */
    public Uni<CursorPage<Campaign>> page(String status, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE + ", was " + limit);
        }
        if (status != null) {
            try {
                CampaignStatus.ofWire(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "unknown status " + status
                        + "; one of draft, scheduled, running, paused, completed, cancelled");
            }
        }
        String after = cursor == null ? null : CursorPage.decode(cursor);
        return pool.withConnection(connection -> campaigns.page(connection, status, after, limit + 1))
                .map(rows -> CursorPage.of(rows, limit, Campaign::id, campaign -> campaign));
    }

    /** The runs of a broadcast, oldest first (404 for an unknown campaign). */
    public Uni<List<CampaignRunView>> runs(String id) {
        return pool.withConnection(connection -> campaigns.find(connection, id).chain(found -> {
            found.orElseThrow(() -> ResourceNotFoundException.of("campaign", id));
            return runs.ofCampaign(connection, id);
        })).map(list -> list.stream().map(CampaignRunView::of).toList());
    }

    /** draft → scheduled: every rule again, and the schedule must still be in the future. */
    public Uni<CampaignView> schedule(String id) {
        Instant now = Instant.now();
        return transition(id, CampaignStatus.SCHEDULED, null, campaign -> {
            requireValid(validator.validateForScheduling(campaign.definition(), now));
            CampaignDefinition.Schedule schedule = campaign.definition().schedule();
            return schedule == null || schedule.at() == null ? now : schedule.at();
        });
    }

    /** scheduled → draft, for editing. */
    public Uni<CampaignView> unschedule(String id) {
        return transition(id, CampaignStatus.DRAFT, null, campaign -> null);
    }

    public Uni<CampaignView> pause(String id, String reason) {
        return transition(id, CampaignStatus.PAUSED, reason == null || reason.isBlank() ? "paused by an operator"
                : reason, Campaign::nextRunAt);
    }

    public Uni<CampaignView> resume(String id) {
        return transition(id, CampaignStatus.RUNNING, null, Campaign::nextRunAt);
    }

    public Uni<CampaignView> complete(String id) {
        return transition(id, CampaignStatus.COMPLETED, null, campaign -> null);
    }

    public Uni<CampaignView> cancel(String id) {
        return transition(id, CampaignStatus.CANCELLED, null, campaign -> null);
    }

    /**
     * Pauses a running campaign from inside the service (e.g. its audience cannot be fetched), with the reason
     * operators will see; on the caller's transaction. A campaign that is not running is left as it is.
     */
    public Uni<Void> pauseRunning(SqlConnection connection, String id, String reason) {
        return campaigns.move(connection, id, CampaignStatus.RUNNING, CampaignStatus.PAUSED, reason, null,
                Instant.now()).replaceWithVoid();
    }

    private Uni<CampaignView> transition(String id, CampaignStatus to, String reason,
                                         java.util.function.Function<Campaign, Instant> nextRunAt) {
        Instant now = Instant.now();
        return pool.withTransaction(connection -> campaigns.findForUpdate(connection, id).chain(found -> {
            Campaign campaign = found.orElseThrow(() -> ResourceNotFoundException.of("campaign", id));
            if (!campaign.status().canMoveTo(to)) {
                throw new ConflictException("campaign " + id + " is " + campaign.status().wire()
                        + " and cannot become " + to.wire());
            }
            Instant next = nextRunAt.apply(campaign);
            Uni<Void> ending = to.isFinished()
                    ? messages.withdrawHeld(connection, id, now).chain(() -> journeys.endLive(connection, id,
                            "campaign_" + to.wire(), now))
                    : Uni.createFrom().voidItem();
            return campaigns.move(connection, id, campaign.status(), to, reason, next, now)
                    .chain(() -> ending)
                    .chain(() -> campaigns.find(connection, id));
        })).map(found -> CampaignView.of(found.orElseThrow()));
    }

    private static void requireValid(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
