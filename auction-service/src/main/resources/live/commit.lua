-- One auction's commit (or rebuild) in one round trip, atomically.
-- KEYS[1] the hot-state hash. ARGV[1] version (2 * lastSequence, +1 once ended), ARGV[2] the state
-- JSON, ARGV[3] TTL in seconds, ARGV[4] 'commit' or 'rebuild', then pairs of (channel, frame).
-- A commit replaces any older state; a rebuild only fills a missing key, so a rebuild that read
-- PostgreSQL before a commit can never overwrite the newer state that commit wrote.
local current = redis.call('HGET', KEYS[1], 'v')
local version = tonumber(ARGV[1])
local write
if ARGV[4] == 'rebuild' then
  write = (current == false)
else
  write = (current == false) or (tonumber(current) <= version)
end
if write then
  redis.call('HSET', KEYS[1], 'v', ARGV[1], 's', ARGV[2])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
end
for i = 5, #ARGV, 2 do
  redis.call('PUBLISH', ARGV[i], ARGV[i + 1])
end
if write then return 1 else return 0 end
