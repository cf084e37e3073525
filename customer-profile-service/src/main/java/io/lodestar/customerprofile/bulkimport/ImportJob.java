package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.lodestar.platform.persistence.WireEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One bulk import: the uploaded file's settings, the job's state and what it did (V8__imports.sql). */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    @Column(name = "import_id")
    public UUID importId;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public ImportKind kind;

    @Convert(converter = StatusConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public ImportStatus status;

    @Column(name = "file_name", columnDefinition = "text")
    public String fileName;

    @Column(name = "file_bytes", nullable = false)
    public long fileBytes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ImportSettings settings;

    @Column(name = "submitted_by", columnDefinition = "text")
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Renewed by the replica that holds the job while it is queued or running. */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "progress_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal progressPercent = BigDecimal.ZERO;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "rows_accepted", nullable = false)
    public long rowsAccepted;

    @Column(name = "rows_rejected", nullable = false)
    public long rowsRejected;

    @Column(name = "rows_duplicate", nullable = false)
    public long rowsDuplicate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ImportResults results = ImportResults.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public CleaningSummary cleaning = CleaningSummary.NONE;

    @Column(columnDefinition = "text")
    public String error;

    @Converter
    static class KindConverter extends WireEnumConverter<ImportKind> {
        KindConverter() {
            super(ImportKind.class);
        }
    }

    @Converter
    static class StatusConverter extends WireEnumConverter<ImportStatus> {
        StatusConverter() {
            super(ImportStatus.class);
        }
    }
}
