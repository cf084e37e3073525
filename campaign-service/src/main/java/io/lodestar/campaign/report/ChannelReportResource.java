package io.lodestar.campaign.report;

import java.util.List;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Channel ROI over all campaigns and where the next budget should go. */
@Path("/reports/channels")
@Tag(name = "Reports")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ChannelReportResource {

    private final ReportService reports;

    public ChannelReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "ROI per channel (revenue : cost) and a budget recommendation",
            description = "Channels below the portfolio's ROI give up 20% of their share to those above it, in "
                    + "proportion to how far above they are.")
    public Uni<List<BudgetAdvisor.Advice>> channels() {
        return reports.channels();
    }
}
