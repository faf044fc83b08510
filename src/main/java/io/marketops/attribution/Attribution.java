package io.marketops.attribution;

import io.marketops.core.WorkspaceId;

import java.io.Reader;

/** Attribution as a service: on a path table, or on a workspace's own events and ad cost. */
public interface Attribution {

    /** Runs the settings' models on the table; pure computation, no data access. */
    AttributionResult attribute(PathTable paths, AttributionSettings settings);

    /**
     * Reads a path table in ChannelAttribution's CSV layout: header
     * {@code path;total_conversions;total_conversion_value;total_null} (value and null columns
     * optional; separator {@code ;}, {@code ,} or tab). A bad line is refused with its line number and why.
     */
    PathTable readCsv(Reader csv);

    /** The conversion paths (and non-converting journeys) of a workspace, as a table with touch ages in days. */
    PathTable journeys(WorkspaceId workspace, JourneyQuery query);

    /** Attribution of a workspace's conversions joined with its ad cost per channel. */
    ChannelReport report(WorkspaceId workspace, JourneyQuery query, AttributionSettings settings, boolean includeTransitions);
}
