package io.lodestar.campaign.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.campaign.CampaignService;
import io.lodestar.campaign.experiment.Counts;
import io.lodestar.campaign.experiment.ExperimentVerdict;
import io.lodestar.campaign.experiment.Verdict;
import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Campaign reports: the funnel with revenue, cost and ROI per variant and channel; the A/B verdict; the
 * execution-tracking table; channel ROI over all campaigns with a budget recommendation. Read-only aggregates.
 */
@ApplicationScoped
public class ReportService {

    /** Groups below this many targeted customers make no verdict (too few to tell anything). */
    static final int MIN_TRIALS_PER_GROUP = 100;
    /** The share of a below-portfolio channel's budget the advice moves elsewhere. */
    static final double BUDGET_SHIFT = 0.2;
    private static final ExperimentVerdict VERDICTS = new ExperimentVerdict();

    private final Pool pool;
    private final CampaignRepository campaigns;
    private final ReportRepository reports;
    private final CampaignService campaignService;
    /** Campaigns per page when the CSV export walks the tracking table. */
    private static final int CSV_PAGE = 200;

    public ReportService(Pool pool, CampaignRepository campaigns, ReportRepository reports,
                         CampaignService campaignService) {
        this.pool = pool;
        this.campaigns = campaigns;
        this.reports = reports;
        this.campaignService = campaignService;
    }

    public Uni<CampaignReport> campaign(String id) {
        return pool.withConnection(connection -> require(connection, id).chain(campaign ->
                reports.groups(connection, id).chain(groups -> reports.messages(connection, id)
                        .chain(messages -> reports.orders(connection, id)
                                .chain(orders -> reports.coupons(connection, id)
                                        .chain(coupons -> reports.skips(connection, id)
                                                .map(skips -> report(campaign, groups, messages, orders, coupons,
                                                        skips))))))));
    }

    private static CampaignReport report(Campaign campaign, List<ReportRepository.GroupCounts> groups,
                                         List<ReportRepository.MessageCell> messages,
                                         List<ReportRepository.OrderCell> orders, CampaignReport.Coupons coupons,
                                         CampaignReport.Skips skips) {
        long targeted = groups.stream().filter(g -> io.lodestar.campaign.dispatch.Groups.receivesMessage(g.group()))
                .mapToLong(ReportRepository.GroupCounts::targeted).sum();
        Funnel total = funnel(targeted, messages, orders);
        Roi roi = roi(messages, orders);
        List<CampaignReport.GroupLine> byGroup = new ArrayList<>();
        for (ReportRepository.GroupCounts group : groups) {
            List<ReportRepository.MessageCell> m = messages.stream().filter(c -> c.group().equals(group.group())).toList();
            List<ReportRepository.OrderCell> o = orders.stream().filter(c -> c.group().equals(group.group())).toList();
            byGroup.add(new CampaignReport.GroupLine(group.group(), funnel(group.targeted(), m, o), roi(m, o)));
        }
        TreeSet<String> channels = new TreeSet<>();
        messages.forEach(c -> channels.add(c.channel()));
        List<CampaignReport.ChannelLine> byChannel = new ArrayList<>();
        for (String channel : channels) {
            List<ReportRepository.MessageCell> m = messages.stream().filter(c -> c.channel().equals(channel)).toList();
            List<ReportRepository.OrderCell> o = orders.stream().filter(c -> c.channel().equals(channel)).toList();
            // A channel's "targeted" is what was decided for it: the messages sent on it.
            long sent = m.stream().mapToLong(ReportRepository.MessageCell::sent).sum();
            byChannel.add(new CampaignReport.ChannelLine(channel, funnel(sent, m, o), roi(m, o)));
        }
        return new CampaignReport(campaign.id(), campaign.definition().name(), campaign.status(), total, roi, byGroup,
                byChannel, coupons, skips);
    }

    private static Funnel funnel(long targeted, List<ReportRepository.MessageCell> m,
                                 List<ReportRepository.OrderCell> o) {
        return Funnel.of(targeted, sum(m, ReportRepository.MessageCell::sent),
                sum(m, ReportRepository.MessageCell::delivered), sum(m, ReportRepository.MessageCell::opened),
                sum(m, ReportRepository.MessageCell::clicked), sum(m, ReportRepository.MessageCell::addedToCart),
                o.stream().mapToLong(ReportRepository.OrderCell::ordered).sum(),
                o.stream().mapToLong(ReportRepository.OrderCell::paid).sum());
    }

    private static Roi roi(List<ReportRepository.MessageCell> m, List<ReportRepository.OrderCell> o) {
        BigDecimal cost = m.stream().map(ReportRepository.MessageCell::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal revenue = o.stream().map(ReportRepository.OrderCell::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Roi.of(revenue, cost);
    }

    private static long sum(List<ReportRepository.MessageCell> cells,
                            java.util.function.ToLongFunction<ReportRepository.MessageCell> field) {
        return cells.stream().mapToLong(field).sum();
    }

    public Uni<ExperimentReport> experiment(String id, double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new InvalidInputException("alpha", "must be between 0 and 0.5, was " + alpha);
        }
        return pool.withConnection(connection -> require(connection, id).chain(campaign ->
                reports.groups(connection, id).map(groups -> {
                    Map<String, Counts> counts = new LinkedHashMap<>();
                    List<ExperimentReport.GroupResult> results = new ArrayList<>();
                    for (ReportRepository.GroupCounts group : groups) {
                        results.add(new ExperimentReport.GroupResult(group.group(), group.targeted(),
                                group.converted(), group.targeted() == 0 ? null
                                        : Math.round(10_000.0 * group.converted() / group.targeted()) / 10_000.0));
                        // The global holdout measures marketing as a whole, not this campaign's variants.
                        if (!io.lodestar.campaign.dispatch.Groups.HOLDOUT.equals(group.group())) {
                            counts.put(group.group(), new Counts(group.converted(), group.targeted()));
                        }
                    }
                    Verdict verdict = VERDICTS.decide(counts, alpha, MIN_TRIALS_PER_GROUP);
                    return new ExperimentReport(id, results, verdict.outcome().wireName(),
                            verdict.winner(), verdict.baseline(), verdict.summary(), alpha, verdict.correctedAlpha(),
                            verdict.comparisons());
                })));
    }

    /** One cursor page of the execution-tracking table, in campaign id order (the pages of GET /campaigns). */
    public Uni<CursorPage<TrackingRow>> tracking(String status, String cursor, int limit) {
        return campaignService.page(status, cursor, limit).chain(page -> pool.withConnection(connection ->
                Multi.createFrom().iterable(page.items())
                        .onItem().transformToUniAndConcatenate(campaign -> reports.progress(connection, campaign.id(),
                                campaign.definition().isJourney()).map(progress -> tracking(campaign, progress)))
                        .collect().asList())
                .map(rows -> new CursorPage<>(rows, page.nextCursor())));
    }

    /** The whole table as CSV, read page by page so that no query holds every campaign at once. */
    public Uni<String> trackingCsv(String status) {
        StringBuilder csv = new StringBuilder(
                "campaign_id,segment,strategy,action,owner,target_metric,cycle_start,cycle_end,status,progress_percent\n");
        return appendTrackingPages(csv, status, null).map(done -> csv.toString());
    }

    private Uni<Void> appendTrackingPages(StringBuilder csv, String status, String cursor) {
        return tracking(status, cursor, CSV_PAGE).chain(page -> {
            for (TrackingRow row : page.items()) {
                csv.append(String.join(",", csv(row.campaignId()), csv(row.segment()), csv(row.strategy()),
                        csv(row.action()), csv(row.owner()), csv(row.targetMetric()),
                        csv(row.cycleStart() == null ? "" : row.cycleStart().toString()),
                        csv(row.cycleEnd() == null ? "" : row.cycleEnd().toString()), csv(row.status()),
                        Double.toString(row.progressPercent()))).append('\n');
            }
            return page.nextCursor() == null ? Uni.createFrom().voidItem()
                    : appendTrackingPages(csv, status, page.nextCursor());
        });
    }

    public Uni<List<BudgetAdvisor.Advice>> channels() {
        return pool.withConnection(reports::channels).map(totals -> BudgetAdvisor.advise(totals, BUDGET_SHIFT));
    }

    private static TrackingRow tracking(Campaign campaign, double progress) {
        CampaignDefinition d = campaign.definition();
        String segment = d.isJourney() ? "journey trigger " + d.journey().trigger()
                : String.join(" + ", d.audience().segments()) + (d.audience().customerIds().isEmpty() ? ""
                        : (d.audience().segments().isEmpty() ? "" : " + ") + d.audience().customerIds().size()
                                + " uploaded ids")
                        + (d.audience().excludeSegments().isEmpty() ? ""
                                : " − " + String.join(" − ", d.audience().excludeSegments()));
        String strategy = d.goal() != null && d.goal().description() != null ? d.goal().description() : d.name();
        String action = String.join("/", d.channels().stream().map(c -> io.lodestar.contracts.WireNames.of(c.channel()))
                .toList()) + (d.offer() == null ? "" : " + " + d.offer().describe());
        String metric = d.goal() == null ? "" : d.goal().metric()
                + (d.goal().targetChangePercent() == null ? "" : " " + (d.goal().targetChangePercent().signum() >= 0
                        ? "+" : "") + d.goal().targetChangePercent().toPlainString() + "%")
                + (d.goal().days() == null ? "" : " in " + d.goal().days() + " days");
        Instant start = campaign.startedAt() != null ? campaign.startedAt()
                : d.schedule() != null && d.schedule().at() != null ? d.schedule().at() : null;
        // The cycle is the goal's (e.g. 30 days from the start), else the schedule's end, else when it ended.
        Instant end = start != null && d.goal() != null && d.goal().days() != null
                ? start.plus(Duration.ofDays(d.goal().days()))
                : d.schedule() != null && d.schedule().until() != null ? d.schedule().until() : campaign.finishedAt();
        double shown = campaign.status() == io.lodestar.campaign.campaign.CampaignStatus.COMPLETED ? 100.0 : progress;
        return new TrackingRow(campaign.id(), segment, strategy, action, d.owner(), metric, start, end,
                campaign.status().wire(), shown);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        // RFC 4180 quoting; a leading = + - @ would make spreadsheets run it as a formula: prefixed with '.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private Uni<Campaign> require(SqlConnection connection, String id) {
        return campaigns.find(connection, id).map(found -> found.orElseThrow(() ->
                ResourceNotFoundException.of("campaign", id)));
    }

}
