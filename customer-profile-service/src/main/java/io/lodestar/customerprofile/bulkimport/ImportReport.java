package io.lodestar.customerprofile.bulkimport;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rejected-rows report of a finished import, gzip-compressed CSV (V8__imports.sql). */
@Entity
@Table(name = "import_report")
public class ImportReport {

    @Id
    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "csv_gzip", nullable = false)
    public byte[] csvGzip;

    /** Report lines, without the header. */
    @Column(nullable = false)
    public long lines;
}
