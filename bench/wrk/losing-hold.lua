-- A losing hold at reservation-service directly (X-User-Id and X-Queue-Room as the gateway sets them): seat 101 of
-- schedule 3, held by user 5 first; 500 other users ask for it in turn.
wrk.method = "POST"
wrk.body = '{"scheduleId":3,"seatId":101}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Queue-Room"] = "3"
local i = 0
request = function()
  i = i + 1
  wrk.headers["X-User-Id"] = tostring(1000 + (i % 500))
  return wrk.format()
end
