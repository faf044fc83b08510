package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;

/** An attribution model: credits a path table's conversions and value to its channels. */
interface Model {
    AttributionModelId id();

    ModelResult attribute(PathTable paths);
}
