-- wrk script: POST replies as logged-in members. Each request takes the next
-- session (cookie and CSRF token, from `perftool login`) and a random thread
-- (from `perftool threads`), and counts the answers: 303 means the reply
-- was saved.
--   wrk -s scripts/loadtest/reply.lua URL -- SESSIONS_FILE THREADS_FILE
local threads = {}
local sessions, ids = {}, {}
-- Globals, so that done() can read each thread's counts with thread:get.
n, ok, other = 0, 0, 0

function setup(thread)
  thread:set("offset", #threads * 7)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1]) do
    local cookie, csrf = line:match("^(%S+)\t(%S+)$")
    if cookie then sessions[#sessions + 1] = { cookie = cookie, csrf = csrf } end
  end
  for line in io.lines(args[2]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  if #sessions == 0 or #ids == 0 then error("no session or no thread") end
  n = offset or 0
  math.randomseed(os.time() + n)
end

local function escape(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  n = n + 1
  local s = sessions[n % #sessions + 1]
  local body = "csrf=" .. escape(s.csrf) .. "&body=" .. escape("Merci pour ce sujet, je confirme : c'est aussi ce que je fais " ..
    "avec mes clients depuis deux ans. Réponse de charge numéro " .. n .. ".")
  return wrk.format("POST", "/t/" .. ids[math.random(#ids)] .. "/reply", {
    ["Cookie"] = s.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function response(status, headers, body)
  if status == 303 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local saved, failed = 0, 0
  for _, t in ipairs(threads) do
    saved = saved + t:get("ok")
    failed = failed + t:get("other")
  end
  io.write(string.format("replies saved (303): %d, other answers: %d\n", saved, failed))
end
