-- bench/rotate.lua — wrk: each request as another family (the cookies of bench/gen, one
-- per line), so that every planning is a first view (a page-cache miss).  The two
-- threads start half the list apart.
local tokens = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do
    tokens[#tokens + 1] = line
end
local n = 0
local path = os.getenv("BENCH_PATH")

function setup(thread)
    n = n + 1
    thread:set("start", n)
end

function init(args)
    i = (start or 1) * math.floor(#tokens / 2)
end

function request()
    i = i % #tokens + 1
    return wrk.format("GET", path, { Cookie = "portail_session=" .. tokens[i] })
end
