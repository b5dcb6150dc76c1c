-- The managers' search of finished files (Cockpit, "Suivi"): by filing date (newest first), by member
-- across every process's record, and a file's payments.
CREATE INDEX ix_process_request_created ON process_request (created_at);
CREATE INDEX ix_prior_approval_file_member ON prior_approval_file (member_id);
CREATE INDEX ix_social_aid_file_member ON social_aid_file (member_id);
CREATE INDEX ix_death_claim_member ON death_claim (member_id);
CREATE INDEX ix_dependency_claim_member ON dependency_claim (member_id);
CREATE INDEX ix_daily_allowance_claim_member ON daily_allowance_claim (member_id);
CREATE INDEX ix_disability_claim_member ON disability_claim (member_id);
CREATE INDEX ix_loan_account_member ON loan_account (member_id);
CREATE INDEX ix_payment_order_business_key ON payment_order (business_key);
