-- Whole meldingen, one after the other, for wrk (bench/melding_steps.py runs it):
--   wrk -t20 -c20 -d18s -s bench/melding.lua http://127.0.0.1:8776 -- plan.txt 3000 10000 0
-- After the file: the warm-up, the measured window and the pause between clicks, in ms. One connection per
-- wrk thread, so each thread is one user with its own cookies (wrk's Lua state is per thread and its
-- response() does not say which connection answered). The plan holds a melding's requests, one a line:
-- name, method, path, expected status, the path a redirect must go to (or empty), and a POST's fields
-- without the CSRF token, which is read from the page before it, as a browser does. Each request is timed
-- here (wrk's own histogram mixes every step); done() prints one line per request started in the window and
-- one per melding started in it, for the harness to read.

local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]])
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")

local function now_us()
   ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
   return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

local function split(line)
   local fields = {}
   for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      table.insert(fields, field)
   end
   return fields
end

function init(args)
   plan = {}
   for line in io.lines(args[1]) do
      if line ~= "" then
         local f = split(line)
         table.insert(plan, {name = f[1], method = f[2], path = f[3], status = tonumber(f[4]),
                             location = f[5], body = f[6]})
      end
   end
   local started = now_us()
   window_from = started + tonumber(args[2]) * 1000
   window_to = window_from + tonumber(args[3]) * 1000
   think_ms = tonumber(args[4] or "0")
   records = {} -- "name\tmicroseconds\tok" per request and per melding started in the window
   position = 0
end

-- A new visitor. The CSRF cookie is set here, not taken from the server: wrk hands response() one header of
-- each name, and Django sends the CSRF cookie and the session cookie in the same answer. Django takes a
-- browser's CSRF cookie as it is (a returning visitor's), and the token in each form is still read.
local function new_melding()
   local secret = {}
   for i = 1, 32 do
      secret[i] = string.char(string.byte("a") + math.random(0, 25))
   end
   cookies = {csrftoken = table.concat(secret)}
   token = nil
   melding_started, waited, melding_ok = nil, 0, true
end

local function cookie_header()
   local parts = {}
   for name, value in pairs(cookies) do
      table.insert(parts, name .. "=" .. value)
   end
   return table.concat(parts, "; ")
end

-- BENCH_THINK_SECONDS: a pause before each click, as a person reading the page takes (not a latency).
function delay()
   if think_ms > 0 then
      return think_ms * (0.5 + math.random())
   end
   return 0
end

function request()
   if position == 0 then
      position = 1
      new_melding()
   end
   local step = plan[position]
   local headers = {Cookie = cookie_header()}
   local body = nil
   if step.method == "POST" then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      body = step.body .. "&csrfmiddlewaretoken=" .. (token or "")
      if seen then -- the check page's digest of the answers it showed, sent back as a browser does
         body = body .. "&gezien=" .. seen
      end
   end
   sent_at = now_us()
   melding_started = melding_started or sent_at
   return wrk.format(step.method, step.path, headers, body)
end

local function in_window(at)
   return at >= window_from and at < window_to
end

function response(status, headers, body)
   local elapsed = now_us() - sent_at
   local step = plan[position]
   local named = {} -- header names are case-insensitive
   for name, value in pairs(headers) do
      named[name:lower()] = value
   end
   local location = named["location"] or ""
   local ok = status == step.status and (step.location == "" or location:sub(-#step.location) == step.location)
   local cookie = named["set-cookie"]
   if cookie then
      local name, value = cookie:match("^%s*([^=;]+)=([^;]*)")
      if name then
         cookies[name] = value
      end
   end
   local found = body and body:match('name="csrfmiddlewaretoken" value="([^"]+)"')
   token = found or token
   seen = body and body:match('name="gezien" value="([^"]+)"')
   if in_window(sent_at) then
      table.insert(records, step.name .. "\t" .. elapsed .. "\t" .. (ok and 1 or 0))
   end
   waited = waited + elapsed
   melding_ok = melding_ok and ok
   if position < #plan then
      position = position + 1
      return
   end
   melding_ok = melding_ok and body ~= nil and body:find("M-", 1, true) ~= nil -- the meldingsnummer
   if in_window(melding_started) then
      table.insert(records, "whole short melding (" .. #plan .. " requests)\t" .. waited .. "\t"
                   .. (melding_ok and 1 or 0))
   end
   position = 0
end

-- A melding started in the window and not finished when wrk stops counts as a failed one.
function done(summary, latency, requests)
   local unfinished = 0
   for _, thread in ipairs(threads) do
      for _, record in ipairs(thread:get("records")) do
         io.write("STEP\t" .. record .. "\n")
      end
      local started = thread:get("melding_started")
      if thread:get("position") ~= 0 and started and started >= thread:get("window_from")
            and started < thread:get("window_to") then
         unfinished = unfinished + 1
      end
   end
   local errors = summary.errors
   io.write(string.format("WRK requests=%d duration_us=%d socket_errors=%d unfinished=%d\n", summary.requests,
                          summary.duration, errors.connect + errors.read + errors.write + errors.timeout,
                          unfinished))
end
