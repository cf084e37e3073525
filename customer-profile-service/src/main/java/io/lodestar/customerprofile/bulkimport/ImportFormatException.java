package io.lodestar.customerprofile.bulkimport;

import io.lodestar.platform.problem.InvalidInputException;

/**
 * The upload cannot be imported at all (not UTF-8, no header, a mapped column missing, a quote never closed),
 * as opposed to a single bad row, which is rejected and reported. It extends {@link InvalidInputException} so
 * that the service's problem+json mapper answers 400 with a violation naming {@code field} ({@code file},
 * {@code mapping} or {@code mapping.<targetField>}) without any import-specific mapping code.
 */
public class ImportFormatException extends InvalidInputException {

    private final String field;
    private final long line;

    /**
     * @param line the physical line (1 = the header) where the fault was found; mapping faults use 1, the header
     */
    public ImportFormatException(String field, long line, String message) {
        super(field, "line " + line + ": " + message);
        this.field = field;
        this.line = line;
    }

    public String field() {
        return field;
    }

    public long line() {
        return line;
    }
}
