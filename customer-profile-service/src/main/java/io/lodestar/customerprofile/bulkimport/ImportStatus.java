package io.lodestar.customerprofile.bulkimport;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an import job is: queued → running → succeeded, or failed (with the error) from either. */
public enum ImportStatus {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED
}
