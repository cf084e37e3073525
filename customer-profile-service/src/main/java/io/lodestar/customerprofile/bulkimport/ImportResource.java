package io.lodestar.customerprofile.bulkimport;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.lodestar.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/imports")
@Tag(name = "Imports", description = "Bulk CSV import of customers and order lines, with cleaning")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;
    private final ImportJobService jobs;
    private final SecurityIdentity identity;

    public ImportResource(ImportService imports, ImportJobService jobs, SecurityIdentity identity) {
        this.imports = imports;
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start an import job",
            description = "Multipart form: file (CSV, plain or gzip-compressed) and either layout=online-retail or"
                    + " kind (customers | order_lines) with mapping (JSON: target field → column); optional"
                    + " dateTimePattern, timeZone, cancellationPrefix, outlierRule (tukey | k-times-mean), outlierK."
                    + " 202 + Location of the job; a file or settings that cannot be imported are a 400.")
    public Uni<RestResponse<ImportJobView>> submit(@RestForm("file") FileUpload file, @RestForm String kind,
            @RestForm String layout, @RestForm String mapping, @RestForm String dateTimePattern,
            @RestForm String timeZone, @RestForm String cancellationPrefix, @RestForm String outlierRule,
            @RestForm String outlierK) {
        return imports.submit(new SubmitImportRequest(kind, layout, mapping, dateTimePattern, timeZone,
                        cancellationPrefix, outlierRule, outlierK),
                new ImportService.Upload(file == null ? null : file.uploadedFile(), file == null ? null : file.fileName()),
                identity.getPrincipal().getName())
                .map(job -> RestResponse.ResponseBuilder.<ImportJobView>accepted()
                        .location(URI.create("/imports/" + job.importId())).entity(job).build());
    }

    @GET
    @Path("/{importId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "An import job: status, progress, row counts, results, cleaning decisions, outliers")
    public Uni<ImportJobView> find(@RestPath UUID importId) {
        return jobs.find(importId);
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The newest import jobs")
    public Uni<List<ImportJobView>> newest(@RestQuery @Min(1) @Max(200) Integer limit) {
        return jobs.newest(limit == null ? 20 : limit);
    }

    @GET
    @Path("/{importId}/rejected-rows")
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The report of rejected, dropped and unwritten rows (CSV: line, field, reason, the row)",
            description = "409 while the job runs.")
    public Uni<RestResponse<byte[]>> rejectedRows(@RestPath UUID importId) {
        return jobs.report(importId).map(csv -> RestResponse.ResponseBuilder.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-rejected-rows.csv\"")
                .build());
    }
}
