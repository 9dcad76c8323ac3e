-- wrk script: GET addresses read from a file, one a line, picked at random
-- by each connection; an optional second argument is a Cookie header value.
--   wrk -s scripts/loadtest/paths.lua URL -- PATHS_FILE [COOKIE]
local paths = {}
local cookie = nil

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no address in " .. args[1]) end
  if args[2] and args[2] ~= "" then cookie = args[2] end
  math.randomseed(os.time() + #paths)
end

function request()
  local headers = { ["Accept-Language"] = "fr-FR,fr;q=0.9" }
  if cookie then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
