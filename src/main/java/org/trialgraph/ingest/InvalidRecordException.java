package org.trialgraph.ingest;

/** A record that cannot be imported as it is, naming the field at fault. */
class InvalidRecordException extends RuntimeException {

    private final String field;

    InvalidRecordException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
