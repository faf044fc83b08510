package io.marketops.core;

/** The thing asked for does not exist in the caller's workspace; answered as 404. */
public class NotFound extends RuntimeException {
    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist in this workspace");
    }
}
