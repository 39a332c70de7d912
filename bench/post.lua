-- wrk script: the benchmark's chat completion request (non-streamed), with the gateway's
-- client key. nginx ignores the header and the body; the gateway checks both.
wrk.method = "POST"
wrk.body = '{"model":"bench-model","messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
