package io.lodestar.customerprofile.bulkimport;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** The newest jobs first. */
    public Uni<List<ImportJob>> findNewest(int size) {
        return find("order by submittedAt desc, importId desc").page(0, size).list();
    }

    /** Queued or running jobs whose holder has not renewed their heartbeat since {@code cutoff}. */
    public Uni<List<ImportJob>> findStale(Instant cutoff) {
        return list("status in ?1 and heartbeatAt < ?2", List.of(ImportStatus.QUEUED, ImportStatus.RUNNING), cutoff);
    }

    public Uni<Integer> renewHeartbeats(Collection<UUID> importIds, Instant now) {
        return update("heartbeatAt = ?1 where importId in ?2", now, importIds);
    }

    public Uni<ImportReport> findReport(UUID importId) {
        return getSession().chain(session -> session.find(ImportReport.class, importId));
    }

    public Uni<Void> persistReport(ImportReport report) {
        return getSession().chain(session -> session.persist(report));
    }
}
