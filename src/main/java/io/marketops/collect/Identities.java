package io.marketops.collect;

import io.marketops.core.WorkspaceId;

import java.util.Optional;

/**
 * Identity stitching from {@code identify} calls, {@code alias} calls (previousId → userId) and any
 * event that carries both an anonymousId and a userId. The warehouse holds the links as the table
 * {@code identities(workspace_id, anonymous_id, user_id, first_seen)} (one row per link, written
 * once; shared with metrics) and the view {@code event_people}: every column of {@code events}
 * plus {@code person_id} = the user the event's anonymous id was first linked to, else the
 * event's user id, else its anonymous id — the same rule as metrics' person. Count people with
 * {@code count(DISTINCT person_id)}.
 */
public interface Identities {

    /** The user an anonymous id (or an alias call's previousId) was first linked to, if any. */
    Optional<String> userIdOf(WorkspaceId workspace, String aliasId);

    /** The stitched person of an event's ids, by the rule of {@code event_people}. */
    String personOf(WorkspaceId workspace, String userId, String anonymousId);
}
