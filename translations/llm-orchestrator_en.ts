<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AccessKeysPanel</name>
        <message>
            <source>Create key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoke</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tools send one of these keys to the gateway. A key is shown only when it is created.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoke access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoke the key %1? Tools using it are refused from now on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoked %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot revoke %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ApiKeysEdit</name>
        <message>
            <source>Show keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show or hide the keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API key %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove this key</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Autostart</name>
        <message>
            <source>Cannot create the folder of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write to the registry.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChartDonut</name>
        <message>
            <source>Share per provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point at a slice for its models.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 · models</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConnectToolDialog</name>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect a tool</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste an access key, or create a new one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a new access key for this tool</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys are stored hashed and shown only once. Paste the key you saved, or create a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This key was created when the gateway first started.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bash / zsh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PowerShell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shell:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Endpoint URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access &amp;key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Model:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not create a key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created the key "%1". It is shown only now: copy it into your tool. Revoke it in Settings.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DashboardCharts</name>
        <message>
            <source>Requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Input</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p50</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p95</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TTFT p50</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
%2 requests, %3 failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
%2 in, %3 out, %4 cached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
p50 %2 · p95 %3 · TTFT p50 %4</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Cannot read the statistics: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests, tokens and latency at a glance.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect a tool…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Success rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p50 latency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p50 time to first token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>24 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>7 d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>30 d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last hour, per minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 24 hours, per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days, per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days, per day (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No requests in this range yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point Claude Code, Codex, an SDK or curl at the gateway and the charts fill in as requests arrive. &lt;b&gt;Connect a tool&lt;/b&gt; shows how.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none since midnight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 in · %2 out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p95 %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>streamed requests only</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GatewayStatusWidget</name>
        <message numerus="yes">
            <source>%n request(s) in the last minute</source>
            <translation>
                <numerusform>%n request in the last minute</numerusform>
                <numerusform>%n requests in the last minute</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to copy the endpoint URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving on %1 · some routes down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No usable route · %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused: requests to %1 get 503</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Providers: %1 / %2 up</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HealthPage</name>
        <message>
            <source>Health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every route's circuit, success rate and latency, as traffic flows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upstream model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cooling down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No routes yet.
Add a provider and a model, and the health of each route shows here as traffic flows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Success rate and p50 latency cover each route's last %1 attempts; the line beside the latency shows the last hour.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HealthPageModel</name>
        <message>
            <source>Healthy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Degraded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cooling down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovering</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Circuit %1 · weight %2, effective %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rate limited: not used until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>probe passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>probe failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>circuit %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of the last %2 attempts succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Median time of the successful attempts among the last %1; the line shows the last hour in 5-minute steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upstream model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Success</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p50 latency · last hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last probe</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogDetailPane</name>
        <message numerus="yes">
            <source>%1 → %2 · %n attempts</source>
            <translation>
                <numerusform>%1 → %2 · %n attempt</numerusform>
                <numerusform>%1 → %2 · %n attempts</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a request to see all of its fields and attempts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Headers after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Streamed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First token after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upstream model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protocol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Input tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bytes in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trace id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bytes out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cached tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>refused before any attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 → %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogFilterBar</name>
        <message>
            <source>Time range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Succeeded (2xx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search errors, models, user agents, trace ids… (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All providers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All keys</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogFormat</name>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n h ago</numerusform>
                <numerusform>%n h ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LogTableModel</name>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 input (%2 cached), %3 output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens in → out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TTFT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogTraceTimeline</name>
        <message>
            <source>no answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>refused → %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>attempt %1 → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>attempt %1 → %2 in %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogsPage</name>
        <message>
            <source>Logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every request and each of its attempts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the rows the filters select as a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot read the log: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 log entries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No requests yet.
Point a tool at the gateway and its requests appear here as they happen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No requests match these filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export request log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting… %1 rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported %1 rows to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>LLM Orchestrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Providers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ModelDetail</name>
        <message>
            <source>Add route</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model name clients ask for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How many routes one request may try, the first included</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No routes yet: add one to serve this model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tries per request:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lower priority tiers are tried first; within a tier the weights share the traffic.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Priority %1 · tried first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Priority %1 · when the tiers above fail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a provider first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is disabled on the Providers page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>eff. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Effective weight %1 of %2; success rate %3 %</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ModelPickerDialog</name>
        <message>
            <source>Models of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the models to offer under the same name. Each becomes a model with a route to %1; a model that exists gets a new route.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already routed to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 listed, %2 checked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ModelsPage</name>
        <message numerus="yes">
            <source>%n route(s)</source>
            <translation>
                <numerusform>%n route</numerusform>
                <numerusform>%n routes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 lists %n model(s); pick one in the upstream model box.</source>
            <translation>
                <numerusform>%1 lists %n model; pick it in the upstream model box.</numerusform>
                <numerusform>%1 lists %n models; pick one in the upstream model box.</numerusform>
            </translation>
        </message>
        <message>
            <source>Models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model names clients ask for and the routes that serve them. Changes apply to the running gateway at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No models yet. Add one here, or pick from a provider's list with "Fetch models" on the Providers page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added model %1; clients can ask for it now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not applied: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applied: %1 is served with the new routes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the model %1 and its routes? Clients asking for it get "model not found".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted model %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot list the models of %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewAccessKeyDialog</name>
        <message>
            <source>Create key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. laptop, claude-code, ci</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The name shows in the request log, so you can tell your tools apart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key "%1" is ready. Copy it now: it is shown only this once.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewModelDialog</name>
        <message>
            <source>Add model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. gpt-4o-mini, claude-sonnet, fast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model's name at the provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clients ask for the model by its name; the gateway sends the request to the provider under the upstream name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Provider:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Upstream model:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProviderDialog</name>
        <message numerus="yes">
            <source>✓ Connected in %1 ms · %n model(s) available</source>
            <translation>
                <numerusform>✓ Connected in %1 ms · %n model available</numerusform>
                <numerusform>✓ Connected in %1 ms · %n models available</numerusform>
            </translation>
        </message>
        <message>
            <source>Requests go to this URL + /chat/completions, e.g. https://api.openai.com/v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests go to this URL + /responses, e.g. https://api.openai.com/v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests go to this URL + /v1/messages, e.g. https://api.anthropic.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests go to this URL + /v1beta/models/…, e.g. https://generativelanguage.googleapis.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send requests to this provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. openai-main</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One per line, e.g. HTTP-Referer: https://example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Longest wait for the answer's headers and longest silence inside a stream before the next route is tried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List models (free)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One-token completion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model for the completion probe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Base URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API &amp;keys:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Extra &amp;headers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;imeout:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Health &amp;probe:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not needed for a local server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not of the form Name: value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✗ HTTP %1 after %2 ms: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✗ %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProviderEmptyState</name>
        <message>
            <source>Show the key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add your first provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick where your models come from. The type and base URL are filled in; you add the API key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point your tools here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tools such as Claude Code, Codex CLI or the OpenAI SDK use this address and an access key instead of the provider's own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Endpoint URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys are shown only once, when created. Create a new one in Connect a tool or in Settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippets for Claude Code, Codex CLI, SDKs…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProviderProbe</name>
        <message>
            <source>The base URL is not a valid http(s) URL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No answer within the timeout.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProviderTableModel</name>
        <message>
            <source>On</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProviderTemplates</name>
        <message>
            <source>GPT models from the OpenAI API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Claude models from the Anthropic API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gemini models from Google AI Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hundreds of models behind one key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DeepSeek chat and reasoner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local models, no key needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LM Studio's local server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any compatible API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OpenAI Chat Completions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OpenAI Responses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anthropic Messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Google Gemini</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProvidersPage</name>
        <message numerus="yes">
            <source>✓ %1 answered in %2 ms and lists %n model(s).</source>
            <translation>
                <numerusform>✓ %1 answered in %2 ms and lists %n model.</numerusform>
                <numerusform>✓ %1 answered in %2 ms and lists %n models.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n model(s); they are served now.</source>
            <translation>
                <numerusform>Added %n model; it is served now.</numerusform>
                <numerusform>Added %n models; they are served now.</numerusform>
            </translation>
        </message>
        <message>
            <source>Providers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The upstream APIs your models are served from: their URL, keys and health.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch models…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect a tool…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added provider %1. Route models to it on the Models page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved provider %1; the gateway uses it now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the provider %1?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot delete %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted provider %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 receives requests again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is disabled: no requests go to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetching the models of %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✗ %1: HTTP %2 after %3 ms: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✗ %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RouteEditor</name>
        <message>
            <source>Use this route</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Route enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upstream model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model name at the provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch the provider's models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lower tiers are tried first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0 keeps the route configured but never picked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share of the tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove this route</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 % of the requests that reach this tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetching…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Restart now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start LLM Orchestrator when I log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start in the tray, without showing the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notify me when a provider goes down or recovers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gateway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>127.0.0.1 serves this machine only; 0.0.0.0 serves the network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Bind address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Admin API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scripts manage the gateway over HTTP at %1/admin/ with this token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Startup and tray</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forever</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request log rows older than this are deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Location:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keep request log:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advanced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A route whose requests keep failing is skipped (its circuit opens) and tried again after a pause. Changes apply at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> failures in a row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a route's circuit after:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry an open route after:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Successful trials to close it:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Largest request body:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not change the login item: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"%1" is not an IP address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚠ Other machines can reach the gateway on this address. Anyone with an access key can then use your providers; use 127.0.0.1 unless you need that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the new address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the log retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the body limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving now on %1, as the command line or environment asked; these values apply when started without them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port and bind address take effect when the app restarts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved. Restart to apply %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume gateway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause gateway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused: LLM requests are answered 503 until you resume.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving requests.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusColors</name>
        <message>
            <source>Healthy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Degraded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No data</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ToolSnippets</name>
        <message>
            <source>Run these in the shell you start Claude Code from.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the provider to Codex's config file, then set the key in your shell.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The OpenAI SDKs read these variables; the Python example needs no other change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point the Google Gen AI SDK at the gateway with its base URL option.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A quick test from the command line.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Translations</name>
        <message>
            <source>System</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrayController</name>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy endpoint URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect a tool…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not answering; its routes are skipped until it recovers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider recovered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is answering again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still serving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LLM Orchestrator keeps serving on %1 from the tray. Choose Quit in the tray menu to stop it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving on %1, some routes down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No usable route on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LLM Orchestrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume gateway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause gateway</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
