-- Which warehouse (data directory) an exposure is copied to: the one of the process that
-- recorded it; rows of another sink are taken over after an hour (a moved data directory, a
-- crashed process). Rows from before this column have none and go to any warehouse.
ALTER TABLE experiment_exposures ADD COLUMN sink TEXT;
