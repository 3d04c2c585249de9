-- The safety stock rule (issue 12): reserves held back from Babyshop, as JSON like the mappings
-- ({"global":"2","hubs":{"HUB":"10%"},"skus":{"V1":"0"}}). NULL (and an absent settings row) = no safety stock.
ALTER TABLE ${prefix}settings ADD COLUMN safety_stock VARCHAR;
