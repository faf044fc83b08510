/**
 * Detection internals: the calendar, the baseline and its band, the judge of single days, the
 * detector with Adtributor root cause and ratio split, storage in PostgreSQL and the daily schedule.
 */
package io.marketops.anomalies.internal;
