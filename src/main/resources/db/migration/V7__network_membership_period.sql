-- R-PA-4 (RULES §9 Decision): an establishment counts when it is in the network on the admission
-- date. Its membership period: from / until (inclusive); empty bounds are open.
ALTER TABLE network_establishment ADD COLUMN in_network_from DATE;
ALTER TABLE network_establishment ADD COLUMN in_network_until DATE;
