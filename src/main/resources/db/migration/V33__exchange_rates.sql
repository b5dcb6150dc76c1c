-- What a foreign amount is worth in euros (issue 13: the médecin-conseil sees a quote in its currency and in
-- euros). A rate says that `units` of the currency are worth `euros` euros from `effective_from` on; the
-- guide gives none. The currencies with a fixed parity to the euro are known from law; the others are
-- recorded by the gestionnaires with their source (PUT /api/exchange-rates/{currency}), never overwritten.
CREATE TABLE exchange_rate (
  currency       VARCHAR(3)     NOT NULL,
  effective_from DATE           NOT NULL,
  units          NUMERIC(18, 6) NOT NULL,
  euros          NUMERIC(18, 6) NOT NULL,
  source         VARCHAR(300)   NOT NULL,
  recorded_by    VARCHAR(64)    NOT NULL,
  recorded_at    TIMESTAMP      NOT NULL,
  PRIMARY KEY (currency, effective_from),
  CHECK (units > 0 AND euros > 0)
);

INSERT INTO exchange_rate (currency, effective_from, units, euros, source, recorded_by, recorded_at) VALUES
  ('XOF', DATE '1999-01-01', 655.957, 1, 'Parité fixe du franc CFA (UEMOA)', 'system', TIMESTAMP '2026-11-26 00:00:00'),
  ('XAF', DATE '1999-01-01', 655.957, 1, 'Parité fixe du franc CFA (CEMAC)', 'system', TIMESTAMP '2026-11-26 00:00:00'),
  ('XPF', DATE '1999-01-01', 1000, 8.38, 'Parité fixe du franc CFP', 'system', TIMESTAMP '2026-11-26 00:00:00'),
  ('KMF', DATE '1999-01-01', 491.96775, 1, 'Parité fixe du franc comorien', 'system', TIMESTAMP '2026-11-26 00:00:00');
