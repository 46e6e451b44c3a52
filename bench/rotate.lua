-- bench/rotate.lua — wrk: each request as another family (the cookies of bench/gen, one
-- per line), so that every planning is a first view (a page-cache miss).  The two
-- threads start half the list apart; when a thread has gone round every family, it goes
-- on with the next month of BENCH_DATES (another page, so still a miss).  The page cache
-- is per process: a page is a hit only if the same process rendered it before.
local tokens = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do
    tokens[#tokens + 1] = line
end
local dates = {}
for d in string.gmatch(os.getenv("BENCH_DATES") or "", "%S+") do
    dates[#dates + 1] = d
end
local path = os.getenv("BENCH_PATH")
local n = 0

function setup(thread)
    n = n + 1
    thread:set("start", n)
end

function init(args)
    i = (start or 1) * math.floor(#tokens / 2)
    k = 0
    -- The months of a thread: base + its number, + 2 at each round of the families, so
    -- the two threads never ask for the same page; the base changes every second, so the
    -- warm-up run and the measured one (2 s later) do not either.
    base = #dates > 0 and os.time() % #dates or 0
end

function request()
    i = i % #tokens + 1
    k = k + 1
    local p = path
    if #dates > 0 then
        local m = (base + (start or 1) - 1 + 2 * math.floor(k / #tokens)) % #dates + 1
        p = string.gsub(path, "date=[0-9-]+", "date=" .. dates[m])
    end
    return wrk.format("GET", p, { Cookie = "portail_session=" .. tokens[i] })
end
