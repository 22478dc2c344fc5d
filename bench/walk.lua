-- Walks a list of paths, one request each, for wrk (bench/harness.py runs it):
--   wrk -t2 -c20 -d10s -s bench/walk.lua http://127.0.0.1:8765 -- paths.txt 2
-- The last argument is wrk's number of threads. Thread i of n asks lines i, i+n, i+2n, ... so no two threads ask the same path; a thread that reaches
-- the end of its share starts again. The requests are built once in init(), so wrk spends its time on
-- the network and not in Lua. done() prints one line of figures for the harness to read.

local counter = 0

function setup(thread)
   thread:set("offset", counter)
   counter = counter + 1
end

function init(args)
   local stride = tonumber(args[2] or "1")
   requests = {}
   local index = 0
   for line in io.lines(args[1]) do
      if line ~= "" then
         if index % stride == (offset or 0) % stride then
            table.insert(requests, wrk.format("GET", line))
         end
         index = index + 1
      end
   end
   if #requests == 0 then
      requests = { wrk.format("GET", "/") }
   end
   position = 0
end

function request()
   position = position % #requests + 1
   return requests[position]
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      "WRK requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
