package io.marketops.core;

/** A request value a person must fix; answered as 400 problem+json naming the field. */
public class InvalidRequest extends RuntimeException {
    private final String field;

    public InvalidRequest(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
