-- consumed_event keys are pruned by age past the redelivery horizon (ConsumedEventsPruner).
CREATE INDEX IF NOT EXISTS idx_consumed_event_created ON consumed_event (created_at);
