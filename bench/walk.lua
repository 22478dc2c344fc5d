-- Walks a list of paths, one request each, for wrk (bench/harness.py runs it):
--   wrk -t2 -c20 -d10s -s bench/walk.lua http://127.0.0.1:8765 -- paths.txt 2 0
-- After the file: wrk's number of threads and the pause between clicks in ms. Thread i of n asks lines
-- i, i+n, i+2n, ... so no two threads ask the same path; a thread that reaches the end of its share
-- starts again (with fewer paths than threads, each thread asks them all). The requests are built once
-- in init(), so wrk spends its time on the network and not in Lua. done() prints one line of figures for
-- the harness to read.

local counter = 0
local threads = {}

function setup(thread)
   thread:set("offset", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   local stride = tonumber(args[2] or "1")
   think_ms = tonumber(args[3] or "0")
   local lines = {}
   for line in io.lines(args[1]) do
      if line ~= "" then
         table.insert(lines, line)
      end
   end
   if #lines < stride then
      stride = 1 -- fewer paths than threads: every thread asks all of them
   end
   requests = {}
   for index, line in ipairs(lines) do
      if (index - 1) % stride == (offset or 0) % stride then
         table.insert(requests, wrk.format("GET", line))
      end
   end
   position = 0
end

-- BENCH_THINK_SECONDS: a pause before each click, as a person reading the page takes (not a latency).
function delay()
   if think_ms > 0 then
      return think_ms * (0.5 + math.random())
   end
   return 0
end

function request()
   position = position % #requests + 1
   return requests[position]
end

-- wrk itself only counts statuses from 400 up; a redirect (to the login page, say) is no answer either.
redirects = 0

function response(status, headers, body)
   if status >= 300 and status < 400 then
      redirects = redirects + 1
   end
end

function done(summary, latency, requests)
   local errors = summary.errors
   local redirected = 0
   for _, thread in ipairs(threads) do
      redirected = redirected + thread:get("redirects")
   end
   io.write(string.format(
      "WRK requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d status_errors=%d socket_errors=%d redirects=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), errors.status, errors.connect + errors.read + errors.write + errors.timeout,
      redirected))
end
