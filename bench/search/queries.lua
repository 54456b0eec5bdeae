-- wrk script: cycles through bench/search/queries.txt (the same words the raw Lucene loop uses),
-- half of the requests filtered by tenant, one in four by content type.
local queries = {}
for line in io.lines("bench/search/queries.txt") do
  if #line > 0 then
    queries[#queries + 1] = line:gsub("([^%w])", function(c) return string.format("%%%02X", string.byte(c)) end)
  end
end
local tenants = { "", "&tenant=haugiang", "", "&tenant=cantho" }
local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  local path = "/api/search?pageSize=10&q=" .. q .. tenants[(counter % 4) + 1]
  if counter % 4 == 0 then path = path .. "&type=NewsArticle" end
  return wrk.format("GET", path)
end
