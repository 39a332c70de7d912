<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccessKeysPanel</name>
        <message>
            <source>Create key…</source>
            <translation>创建密钥…</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>吊销</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>密钥</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>Tools send one of these keys to the gateway. A key is shown only when it is created.</source>
            <translation>工具向网关发送其中一个密钥。密钥只在创建时显示一次。</translation>
        </message>
        <message>
            <source>Revoke access key</source>
            <translation>吊销访问密钥</translation>
        </message>
        <message>
            <source>Revoke the key %1? Tools using it are refused from now on.</source>
            <translation>吊销密钥 %1？使用它的工具将立即被拒绝。</translation>
        </message>
        <message>
            <source>Revoked %1.</source>
            <translation>已吊销 %1。</translation>
        </message>
        <message>
            <source>Cannot revoke %1: %2</source>
            <translation>无法吊销 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>ApiKeysEdit</name>
        <message>
            <source>Show keys</source>
            <translation>显示密钥</translation>
        </message>
        <message>
            <source>Show or hide the keys</source>
            <translation>显示或隐藏密钥</translation>
        </message>
        <message>
            <source>Add key</source>
            <translation>添加密钥</translation>
        </message>
        <message>
            <source>Hide keys</source>
            <translation>隐藏密钥</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <source>API key %1</source>
            <translation>API 密钥 %1</translation>
        </message>
        <message>
            <source>Remove this key</source>
            <translation>移除此密钥</translation>
        </message>
    </context>
    <context>
        <name>Autostart</name>
        <message>
            <source>Cannot create the folder of %1</source>
            <translation>无法创建 %1 所在的文件夹</translation>
        </message>
        <message>
            <source>Cannot write to the registry.</source>
            <translation>无法写入注册表。</translation>
        </message>
    </context>
    <context>
        <name>ChartDonut</name>
        <message>
            <source>Share per provider</source>
            <translation>各提供商占比</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Requests: %1</source>
            <translation>请求：%1</translation>
        </message>
        <message>
            <source>%1 · models</source>
            <translation>%1 · 模型</translation>
        </message>
        <message>
            <source>Point at a slice for its models.</source>
            <translation>指向扇区可查看其模型。</translation>
        </message>
    </context>
    <context>
        <name>ConnectToolDialog</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>New key</source>
            <translation>新建密钥</translation>
        </message>
        <message>
            <source>Connect a tool</source>
            <translation>连接工具</translation>
        </message>
        <message>
            <source>Paste an access key, or create a new one</source>
            <translation>粘贴访问密钥，或新建一个</translation>
        </message>
        <message>
            <source>Create a new access key for this tool</source>
            <translation>为此工具创建新的访问密钥</translation>
        </message>
        <message>
            <source>Keys are stored hashed and shown only once. Paste the key you saved, or create a new one.</source>
            <translation>密钥以哈希形式保存，只显示一次。请粘贴你保存的密钥，或新建一个。</translation>
        </message>
        <message>
            <source>This key was created when the gateway first started.</source>
            <translation>此密钥是网关首次启动时创建的。</translation>
        </message>
        <message>
            <source>Show the key</source>
            <translation>显示密钥</translation>
        </message>
        <message>
            <source>Model name</source>
            <translation>模型名称</translation>
        </message>
        <message>
            <source>bash / zsh</source>
            <translation>bash / zsh</translation>
        </message>
        <message>
            <source>PowerShell</source>
            <translation>PowerShell</translation>
        </message>
        <message>
            <source>Shell:</source>
            <translation>Shell：</translation>
        </message>
        <message>
            <source>Endpoint URL:</source>
            <translation>端点 URL：</translation>
        </message>
        <message>
            <source>Access &amp;key:</source>
            <translation>访问密钥(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Model:</source>
            <translation>模型(&amp;M)：</translation>
        </message>
        <message>
            <source>Could not create a key.</source>
            <translation>无法创建密钥。</translation>
        </message>
        <message>
            <source>Created the key "%1". It is shown only now: copy it into your tool. Revoke it in Settings.</source>
            <translation>已创建密钥“%1”。它只在此刻显示：请复制到你的工具中。可在“设置”中吊销。</translation>
        </message>
    </context>
    <context>
        <name>DashboardCharts</name>
        <message>
            <source>Requests</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>令牌</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Cached</source>
            <translation>缓存</translation>
        </message>
        <message>
            <source>Latency</source>
            <translation>延迟</translation>
        </message>
        <message>
            <source>p50</source>
            <translation>p50</translation>
        </message>
        <message>
            <source>p95</source>
            <translation>p95</translation>
        </message>
        <message>
            <source>TTFT p50</source>
            <translation>首令牌 p50</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> 毫秒</translation>
        </message>
        <message>
            <source>%1
%2 requests, %3 failed</source>
            <translation>%1
%2 个请求，%3 个失败</translation>
        </message>
        <message>
            <source>%1
%2 in, %3 out, %4 cached</source>
            <translation>%1
输入 %2，输出 %3，缓存 %4</translation>
        </message>
        <message>
            <source>%1
p50 %2 · p95 %3 · TTFT p50 %4</source>
            <translation>%1
p50 %2 · p95 %3 · 首令牌 p50 %4</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Cannot read the statistics: %1</source>
            <translation>无法读取统计数据：%1</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <source>Requests, tokens and latency at a glance.</source>
            <translation>请求、令牌和延迟一目了然。</translation>
        </message>
        <message>
            <source>Connect a tool…</source>
            <translation>连接工具…</translation>
        </message>
        <message>
            <source>Requests today</source>
            <translation>今日请求</translation>
        </message>
        <message>
            <source>Success rate</source>
            <translation>成功率</translation>
        </message>
        <message>
            <source>Tokens today</source>
            <translation>今日令牌</translation>
        </message>
        <message>
            <source>p50 latency</source>
            <translation>p50 延迟</translation>
        </message>
        <message>
            <source>p50 time to first token</source>
            <translation>p50 首令牌时间</translation>
        </message>
        <message>
            <source>1 h</source>
            <translation>1 小时</translation>
        </message>
        <message>
            <source>24 h</source>
            <translation>24 小时</translation>
        </message>
        <message>
            <source>7 d</source>
            <translation>7 天</translation>
        </message>
        <message>
            <source>30 d</source>
            <translation>30 天</translation>
        </message>
        <message>
            <source>Last hour, per minute</source>
            <translation>最近 1 小时，按分钟</translation>
        </message>
        <message>
            <source>Last 24 hours, per hour</source>
            <translation>最近 24 小时，按小时</translation>
        </message>
        <message>
            <source>Last 7 days, per hour</source>
            <translation>最近 7 天，按小时</translation>
        </message>
        <message>
            <source>Last 30 days, per day (UTC)</source>
            <translation>最近 30 天，按天（UTC）</translation>
        </message>
        <message>
            <source>No requests in this range yet</source>
            <translation>此时间范围内还没有请求</translation>
        </message>
        <message>
            <source>Point Claude Code, Codex, an SDK or curl at the gateway and the charts fill in as requests arrive. &lt;b&gt;Connect a tool&lt;/b&gt; shows how.</source>
            <translation>把 Claude Code、Codex、SDK 或 curl 指向网关，请求到达后图表就会填充。&lt;b&gt;连接工具&lt;/b&gt;会告诉你怎么做。</translation>
        </message>
        <message>
            <source>%1 failed</source>
            <translation>%1 个失败</translation>
        </message>
        <message>
            <source>none since midnight</source>
            <translation>今天零点以来没有</translation>
        </message>
        <message>
            <source>%1 of %2 succeeded</source>
            <translation>%2 个中 %1 个成功</translation>
        </message>
        <message>
            <source>%1 in · %2 out</source>
            <translation>输入 %1 · 输出 %2</translation>
        </message>
        <message>
            <source>%1 cached</source>
            <translation>缓存 %1</translation>
        </message>
        <message>
            <source>p95 %1</source>
            <translation>p95 %1</translation>
        </message>
        <message>
            <source>streamed requests only</source>
            <translation>仅限流式请求</translation>
        </message>
    </context>
    <context>
        <name>GatewayStatusWidget</name>
        <message>
            <source>Click to copy the endpoint URL</source>
            <translation>点击复制端点 URL</translation>
        </message>
        <message>
            <source>Serving on %1</source>
            <translation>正在 %1 上服务</translation>
        </message>
        <message>
            <source>Serving on %1 · some routes down</source>
            <translation>正在 %1 上服务 · 部分路由不可用</translation>
        </message>
        <message>
            <source>No usable route · %1</source>
            <translation>没有可用路由 · %1</translation>
        </message>
        <message>
            <source>Paused: requests to %1 get 503</source>
            <translation>已暂停：发往 %1 的请求返回 503</translation>
        </message>
        <message>
            <source>Providers: %1 / %2 up</source>
            <translation>提供商：%1 / %2 可用</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) in the last minute</source>
            <translation>
                <numerusform>最近一分钟 %n 个请求</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HealthPage</name>
        <message>
            <source>Health</source>
            <translation>健康</translation>
        </message>
        <message>
            <source>Every route's circuit, success rate and latency, as traffic flows.</source>
            <translation>随流量实时显示每条路由的熔断状态、成功率和延迟。</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Upstream model</source>
            <translation>上游模型</translation>
        </message>
        <message>
            <source>Cooling down</source>
            <translation>冷却中</translation>
        </message>
        <message>
            <source>no traffic</source>
            <translation>无流量</translation>
        </message>
        <message>
            <source>No routes yet.
Add a provider and a model, and the health of each route shows here as traffic flows.</source>
            <translation>还没有路由。
添加提供商和模型后，每条路由的健康状况会随流量显示在这里。</translation>
        </message>
        <message>
            <source>Success rate and p50 latency cover each route's last %1 attempts; the line beside the latency shows the last hour.</source>
            <translation>成功率和 p50 延迟基于每条路由最近 %1 次尝试；延迟旁的曲线显示最近一小时。</translation>
        </message>
    </context>
    <context>
        <name>HealthPageModel</name>
        <message>
            <source>Healthy</source>
            <translation>健康</translation>
        </message>
        <message>
            <source>Degraded</source>
            <translation>降级</translation>
        </message>
        <message>
            <source>Cooling down</source>
            <translation>冷却中</translation>
        </message>
        <message>
            <source>Recovering</source>
            <translation>恢复中</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>不可用</translation>
        </message>
        <message>
            <source>no traffic</source>
            <translation>无流量</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>尚未</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Circuit %1 · weight %2, effective %3</source>
            <translation>熔断 %1 · 权重 %2，有效 %3</translation>
        </message>
        <message>
            <source>Rate limited: not used until %1</source>
            <translation>已限流：%1 之前不使用</translation>
        </message>
        <message>
            <source>probe passed</source>
            <translation>探测通过</translation>
        </message>
        <message>
            <source>probe failed: %1</source>
            <translation>探测失败：%1</translation>
        </message>
        <message>
            <source>circuit %1</source>
            <translation>熔断 %1</translation>
        </message>
        <message>
            <source>%1 of the last %2 attempts succeeded</source>
            <translation>最近 %2 次尝试中 %1 次成功</translation>
        </message>
        <message>
            <source>Median time of the successful attempts among the last %1; the line shows the last hour in 5-minute steps</source>
            <translation>最近 %1 次中成功尝试的中位耗时；曲线按 5 分钟显示最近一小时</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Upstream model</source>
            <translation>上游模型</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Success</source>
            <translation>成功率</translation>
        </message>
        <message>
            <source>p50 latency · last hour</source>
            <translation>p50 延迟 · 最近一小时</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>最近错误</translation>
        </message>
        <message>
            <source>Last probe</source>
            <translation>最近探测</translation>
        </message>
    </context>
    <context>
        <name>LogDetailPane</name>
        <message>
            <source>Select a request to see all of its fields and attempts.</source>
            <translation>选择一个请求以查看其所有字段和尝试。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Total time</source>
            <translation>总耗时</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Attempt</source>
            <translation>尝试</translation>
        </message>
        <message>
            <source>Headers after</source>
            <translation>响应头耗时</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Streamed</source>
            <translation>流式</translation>
        </message>
        <message>
            <source>First token after</source>
            <translation>首令牌耗时</translation>
        </message>
        <message>
            <source>Upstream model</source>
            <translation>上游模型</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>协议</translation>
        </message>
        <message>
            <source>Input tokens</source>
            <translation>输入令牌</translation>
        </message>
        <message>
            <source>Access key</source>
            <translation>访问密钥</translation>
        </message>
        <message>
            <source>Bytes in</source>
            <translation>输入字节</translation>
        </message>
        <message>
            <source>Output tokens</source>
            <translation>输出令牌</translation>
        </message>
        <message>
            <source>Trace id</source>
            <translation>追踪 ID</translation>
        </message>
        <message>
            <source>Bytes out</source>
            <translation>输出字节</translation>
        </message>
        <message>
            <source>Cached tokens</source>
            <translation>缓存令牌</translation>
        </message>
        <message>
            <source>Row id</source>
            <translation>行 ID</translation>
        </message>
        <message>
            <source>User agent</source>
            <translation>User-Agent</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>refused before any attempt</source>
            <translation>在任何尝试之前被拒绝</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message numerus="yes">
            <source>%1 → %2 · %n attempts</source>
            <translation>
                <numerusform>%1 → %2 · %n 次尝试</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
    </context>
    <context>
        <name>LogFilterBar</name>
        <message>
            <source>Time range</source>
            <translation>时间范围</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>全部时间</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>最近 1 小时</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>最近 24 小时</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>所有状态</translation>
        </message>
        <message>
            <source>Succeeded (2xx)</source>
            <translation>成功（2xx）</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Access key</source>
            <translation>访问密钥</translation>
        </message>
        <message>
            <source>Search errors, models, user agents, trace ids… (Ctrl+F)</source>
            <translation>搜索错误、模型、User-Agent、追踪 ID…（Ctrl+F）</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>All models</source>
            <translation>所有模型</translation>
        </message>
        <message>
            <source>All providers</source>
            <translation>所有提供商</translation>
        </message>
        <message>
            <source>All keys</source>
            <translation>所有密钥</translation>
        </message>
    </context>
    <context>
        <name>LogFormat</name>
        <message>
            <source>%1 ms</source>
            <translation>%1 毫秒</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>刚刚</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n 分钟前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n 小时前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation>
                <numerusform>%n 天前</numerusform>
            </translation>
        </message>
        <message>
            <source>%1G</source>
            <translation>%1G</translation>
        </message>
        <message>
            <source>%1M</source>
            <translation>%1M</translation>
        </message>
        <message>
            <source>%1k</source>
            <translation>%1k</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>%1 · attempt %2</source>
            <translation>%1 · 第 %2 次尝试</translation>
        </message>
    </context>
    <context>
        <name>LogTableModel</name>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>%1 input (%2 cached), %3 output</source>
            <translation>输入 %1（缓存 %2），输出 %3</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Tokens in → out</source>
            <translation>令牌 输入 → 输出</translation>
        </message>
        <message>
            <source>TTFT</source>
            <translation>首令牌</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总计</translation>
        </message>
    </context>
    <context>
        <name>LogTraceTimeline</name>
        <message>
            <source>no answer</source>
            <translation>无应答</translation>
        </message>
        <message>
            <source>refused → %1</source>
            <translation>拒绝 → %1</translation>
        </message>
        <message>
            <source>attempt %1 → %2</source>
            <translation>第 %1 次尝试 → %2</translation>
        </message>
        <message>
            <source>attempt %1 → %2 in %3</source>
            <translation>第 %1 次尝试 → %2，用时 %3</translation>
        </message>
    </context>
    <context>
        <name>LogsPage</name>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Every request and each of its attempts.</source>
            <translation>每个请求及其每次尝试。</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Save the rows the filters select as a CSV file</source>
            <translation>将筛选出的行保存为 CSV 文件</translation>
        </message>
        <message>
            <source>Cannot read the log: %1</source>
            <translation>无法读取日志：%1</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>%1 log entries</source>
            <translation>%1 条日志</translation>
        </message>
        <message>
            <source>No requests yet.
Point a tool at the gateway and its requests appear here as they happen.</source>
            <translation>还没有请求。
把工具指向网关后，它的请求会实时出现在这里。</translation>
        </message>
        <message>
            <source>No requests match these filters.</source>
            <translation>没有符合这些筛选条件的请求。</translation>
        </message>
        <message>
            <source>Export request log</source>
            <translation>导出请求日志</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>取消导出</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>Exporting… %1 rows</source>
            <translation>正在导出… %1 行</translation>
        </message>
        <message>
            <source>Exported %1 rows to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <source>Export cancelled</source>
            <translation>导出已取消</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>LLM Orchestrator</source>
            <translation>LLM Orchestrator</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>页面</translation>
        </message>
        <message>
            <source>Copied %1</source>
            <translation>已复制 %1</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Close window</source>
            <translation>关闭窗口</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <source>Providers</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>健康</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>ModelDetail</name>
        <message>
            <source>Add route</source>
            <translation>添加路由</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>删除模型</translation>
        </message>
        <message>
            <source>The model name clients ask for</source>
            <translation>客户端请求时使用的模型名称</translation>
        </message>
        <message>
            <source>How many routes one request may try, the first included</source>
            <translation>一个请求最多可尝试的路由数（含第一次）</translation>
        </message>
        <message>
            <source>No routes yet: add one to serve this model.</source>
            <translation>还没有路由：添加一条来提供此模型。</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Tries per request:</source>
            <translation>每个请求的尝试次数(&amp;T)：</translation>
        </message>
        <message>
            <source>Routes</source>
            <translation>路由</translation>
        </message>
        <message>
            <source>Lower priority tiers are tried first; within a tier the weights share the traffic.</source>
            <translation>优先级数值小的层级先尝试；同一层级内按权重分配流量。</translation>
        </message>
        <message>
            <source>Priority %1 · tried first</source>
            <translation>优先级 %1 · 最先尝试</translation>
        </message>
        <message>
            <source>Priority %1 · when the tiers above fail</source>
            <translation>优先级 %1 · 上面的层级失败时使用</translation>
        </message>
        <message>
            <source>Add a provider first</source>
            <translation>请先添加提供商</translation>
        </message>
        <message>
            <source>eff. %1</source>
            <translation>有效 %1</translation>
        </message>
        <message>
            <source>Effective weight %1 of %2; success rate %3 %</source>
            <translation>有效权重 %1（共 %2）；成功率 %3 %</translation>
        </message>
        <message>
            <source>Provider off</source>
            <translation>提供商已关闭</translation>
        </message>
        <message>
            <source>%1 is disabled on the Providers page</source>
            <translation>%1 已在“提供商”页面禁用</translation>
        </message>
    </context>
    <context>
        <name>ModelPickerDialog</name>
        <message>
            <source>Models of %1</source>
            <translation>%1 的模型</translation>
        </message>
        <message>
            <source>Check the models to offer under the same name. Each becomes a model with a route to %1; a model that exists gets a new route.</source>
            <translation>勾选要以相同名称提供的模型。每个都会成为一个路由到 %1 的模型；已存在的模型会新增一条路由。</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <source>Already routed to %1</source>
            <translation>已路由到 %1</translation>
        </message>
        <message>
            <source>Add models</source>
            <translation>添加模型</translation>
        </message>
        <message>
            <source>%1 listed, %2 checked</source>
            <translation>共 %1 个，已勾选 %2 个</translation>
        </message>
    </context>
    <context>
        <name>ModelsPage</name>
        <message>
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>The model names clients ask for and the routes that serve them. Changes apply to the running gateway at once.</source>
            <translation>客户端请求的模型名称及提供它们的路由。更改会立即应用到正在运行的网关。</translation>
        </message>
        <message>
            <source>Add model</source>
            <translation>添加模型</translation>
        </message>
        <message>
            <source>No models yet. Add one here, or pick from a provider's list with "Fetch models" on the Providers page.</source>
            <translation>还没有模型。在这里添加一个，或在“提供商”页面用“获取模型”从提供商的列表中挑选。</translation>
        </message>
        <message numerus="yes">
            <source>%n route(s)</source>
            <translation>
                <numerusform>%n 条路由</numerusform>
            </translation>
        </message>
        <message>
            <source>Added model %1; clients can ask for it now.</source>
            <translation>已添加模型 %1；客户端现在可以请求它了。</translation>
        </message>
        <message>
            <source>Not applied: %1</source>
            <translation>未应用：%1</translation>
        </message>
        <message>
            <source>Applied: %1 is served with the new routes.</source>
            <translation>已应用：%1 现在使用新路由提供服务。</translation>
        </message>
        <message>
            <source>Delete model</source>
            <translation>删除模型</translation>
        </message>
        <message>
            <source>Delete the model %1 and its routes? Clients asking for it get "model not found".</source>
            <translation>删除模型 %1 及其路由？请求它的客户端将收到“模型不存在”。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted model %1.</source>
            <translation>已删除模型 %1。</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Cannot list the models of %1: %2</source>
            <translation>无法列出 %1 的模型：%2</translation>
        </message>
        <message numerus="yes">
            <source>%1 lists %n model(s); pick one in the upstream model box.</source>
            <translation>
                <numerusform>%1 列出了 %n 个模型；请在上游模型框中选择。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NewAccessKeyDialog</name>
        <message>
            <source>Create key</source>
            <translation>创建密钥</translation>
        </message>
        <message>
            <source>New access key</source>
            <translation>新建访问密钥</translation>
        </message>
        <message>
            <source>e.g. laptop, claude-code, ci</source>
            <translation>例如 laptop、claude-code、ci</translation>
        </message>
        <message>
            <source>The name shows in the request log, so you can tell your tools apart.</source>
            <translation>名称会显示在请求日志中，便于区分你的工具。</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>The key "%1" is ready. Copy it now: it is shown only this once.</source>
            <translation>密钥“%1”已就绪。请现在复制：它只显示这一次。</translation>
        </message>
    </context>
    <context>
        <name>NewModelDialog</name>
        <message>
            <source>Add model</source>
            <translation>添加模型</translation>
        </message>
        <message>
            <source>e.g. gpt-4o-mini, claude-sonnet, fast</source>
            <translation>例如 gpt-4o-mini、claude-sonnet、fast</translation>
        </message>
        <message>
            <source>The model's name at the provider</source>
            <translation>该模型在提供商处的名称</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Clients ask for the model by its name; the gateway sends the request to the provider under the upstream name.</source>
            <translation>客户端按名称请求模型；网关以上游名称把请求发送给提供商。</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Provider:</source>
            <translation>提供商(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Upstream model:</source>
            <translation>上游模型(&amp;U)：</translation>
        </message>
    </context>
    <context>
        <name>ProviderDialog</name>
        <message>
            <source>Requests go to this URL + /chat/completions, e.g. https://api.openai.com/v1</source>
            <translation>请求发往此 URL + /chat/completions，例如 https://api.openai.com/v1</translation>
        </message>
        <message>
            <source>Requests go to this URL + /responses, e.g. https://api.openai.com/v1</source>
            <translation>请求发往此 URL + /responses，例如 https://api.openai.com/v1</translation>
        </message>
        <message>
            <source>Requests go to this URL + /v1/messages, e.g. https://api.anthropic.com</source>
            <translation>请求发往此 URL + /v1/messages，例如 https://api.anthropic.com</translation>
        </message>
        <message>
            <source>Requests go to this URL + /v1beta/models/…, e.g. https://generativelanguage.googleapis.com</source>
            <translation>请求发往此 URL + /v1beta/models/…，例如 https://generativelanguage.googleapis.com</translation>
        </message>
        <message>
            <source>Send requests to this provider</source>
            <translation>向此提供商发送请求</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Add provider</source>
            <translation>添加提供商</translation>
        </message>
        <message>
            <source>Edit provider</source>
            <translation>编辑提供商</translation>
        </message>
        <message>
            <source>e.g. openai-main</source>
            <translation>例如 openai-main</translation>
        </message>
        <message>
            <source>One per line, e.g. HTTP-Referer: https://example.com</source>
            <translation>每行一个，例如 HTTP-Referer: https://example.com</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>Longest wait for the answer's headers and longest silence inside a stream before the next route is tried</source>
            <translation>等待响应头的最长时间，以及流中最长的静默时间；超过后尝试下一条路由</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>List models (free)</source>
            <translation>列出模型（免费）</translation>
        </message>
        <message>
            <source>One-token completion</source>
            <translation>单令牌补全</translation>
        </message>
        <message>
            <source>Model for the completion probe</source>
            <translation>补全探测使用的模型</translation>
        </message>
        <message>
            <source>every</source>
            <translation>每</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>类型(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Base URL:</source>
            <translation>基础 URL(&amp;B)：</translation>
        </message>
        <message>
            <source>API &amp;keys:</source>
            <translation>API 密钥(&amp;K)：</translation>
        </message>
        <message>
            <source>Extra &amp;headers:</source>
            <translation>额外请求头(&amp;H)：</translation>
        </message>
        <message>
            <source>T&amp;imeout:</source>
            <translation>超时(&amp;I)：</translation>
        </message>
        <message>
            <source>Health &amp;probe:</source>
            <translation>健康探测(&amp;P)：</translation>
        </message>
        <message>
            <source>Not needed for a local server</source>
            <translation>本地服务器不需要</translation>
        </message>
        <message>
            <source>"%1" is not of the form Name: value</source>
            <translation>“%1”不是“名称: 值”的格式</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message numerus="yes">
            <source>✓ Connected in %1 ms · %n model(s) available</source>
            <translation>
                <numerusform>✓ 已连接，用时 %1 毫秒 · 可用模型 %n 个</numerusform>
            </translation>
        </message>
        <message>
            <source>✗ HTTP %1 after %2 ms: %3</source>
            <translation>✗ HTTP %1，用时 %2 毫秒：%3</translation>
        </message>
        <message>
            <source>✗ %1</source>
            <translation>✗ %1</translation>
        </message>
    </context>
    <context>
        <name>ProviderEmptyState</name>
        <message>
            <source>Show the key</source>
            <translation>显示密钥</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Add your first provider</source>
            <translation>添加你的第一个提供商</translation>
        </message>
        <message>
            <source>Pick where your models come from. The type and base URL are filled in; you add the API key.</source>
            <translation>选择模型的来源。类型和基础 URL 已自动填好，你只需添加 API 密钥。</translation>
        </message>
        <message>
            <source>Point your tools here</source>
            <translation>让你的工具指向这里</translation>
        </message>
        <message>
            <source>Tools such as Claude Code, Codex CLI or the OpenAI SDK use this address and an access key instead of the provider's own.</source>
            <translation>Claude Code、Codex CLI 或 OpenAI SDK 等工具使用此地址和访问密钥，而不是提供商自己的。</translation>
        </message>
        <message>
            <source>Endpoint URL:</source>
            <translation>端点 URL：</translation>
        </message>
        <message>
            <source>Access key:</source>
            <translation>访问密钥：</translation>
        </message>
        <message>
            <source>Keys are shown only once, when created. Create a new one in Connect a tool or in Settings.</source>
            <translation>密钥只在创建时显示一次。可在“连接工具”或“设置”中新建。</translation>
        </message>
        <message>
            <source>Snippets for Claude Code, Codex CLI, SDKs…</source>
            <translation>Claude Code、Codex CLI、SDK 的配置片段…</translation>
        </message>
    </context>
    <context>
        <name>ProviderProbe</name>
        <message>
            <source>The base URL is not a valid http(s) URL.</source>
            <translation>基础 URL 不是有效的 http(s) URL。</translation>
        </message>
        <message>
            <source>No answer within the timeout.</source>
            <translation>超时内没有应答。</translation>
        </message>
    </context>
    <context>
        <name>ProviderTableModel</name>
        <message>
            <source>On</source>
            <translation>开</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>健康</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Base URL</source>
            <translation>基础 URL</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>密钥数</translation>
        </message>
        <message>
            <source>Enabled</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>ProviderTemplates</name>
        <message>
            <source>GPT models from the OpenAI API</source>
            <translation>来自 OpenAI API 的 GPT 模型</translation>
        </message>
        <message>
            <source>Claude models from the Anthropic API</source>
            <translation>来自 Anthropic API 的 Claude 模型</translation>
        </message>
        <message>
            <source>Gemini models from Google AI Studio</source>
            <translation>来自 Google AI Studio 的 Gemini 模型</translation>
        </message>
        <message>
            <source>Hundreds of models behind one key</source>
            <translation>一个密钥使用数百个模型</translation>
        </message>
        <message>
            <source>DeepSeek chat and reasoner</source>
            <translation>DeepSeek 对话与推理模型</translation>
        </message>
        <message>
            <source>Local models, no key needed</source>
            <translation>本地模型，无需密钥</translation>
        </message>
        <message>
            <source>LM Studio's local server</source>
            <translation>LM Studio 的本地服务器</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source>Any compatible API</source>
            <translation>任何兼容的 API</translation>
        </message>
        <message>
            <source>OpenAI Chat Completions</source>
            <translation>OpenAI Chat Completions</translation>
        </message>
        <message>
            <source>OpenAI Responses</source>
            <translation>OpenAI Responses</translation>
        </message>
        <message>
            <source>Anthropic Messages</source>
            <translation>Anthropic Messages</translation>
        </message>
        <message>
            <source>Google Gemini</source>
            <translation>Google Gemini</translation>
        </message>
    </context>
    <context>
        <name>ProvidersPage</name>
        <message>
            <source>Providers</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>The upstream APIs your models are served from: their URL, keys and health.</source>
            <translation>为你的模型提供服务的上游 API：它们的 URL、密钥和健康状况。</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Fetch models…</source>
            <translation>获取模型…</translation>
        </message>
        <message>
            <source>Connect a tool…</source>
            <translation>连接工具…</translation>
        </message>
        <message>
            <source>Add provider</source>
            <translation>添加提供商</translation>
        </message>
        <message>
            <source>Added provider %1. Route models to it on the Models page.</source>
            <translation>已添加提供商 %1。请在“模型”页面把模型路由到它。</translation>
        </message>
        <message>
            <source>Saved provider %1; the gateway uses it now.</source>
            <translation>已保存提供商 %1；网关已在使用。</translation>
        </message>
        <message>
            <source>Delete provider</source>
            <translation>删除提供商</translation>
        </message>
        <message>
            <source>Delete the provider %1?</source>
            <translation>删除提供商 %1？</translation>
        </message>
        <message>
            <source>Cannot delete %1: %2</source>
            <translation>无法删除 %1：%2</translation>
        </message>
        <message>
            <source>Deleted provider %1.</source>
            <translation>已删除提供商 %1。</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>%1 receives requests again.</source>
            <translation>%1 重新接收请求。</translation>
        </message>
        <message>
            <source>%1 is disabled: no requests go to it.</source>
            <translation>%1 已禁用：不会再向它发送请求。</translation>
        </message>
        <message>
            <source>Testing %1…</source>
            <translation>正在测试 %1…</translation>
        </message>
        <message>
            <source>Fetching the models of %1…</source>
            <translation>正在获取 %1 的模型…</translation>
        </message>
        <message>
            <source>✗ %1: HTTP %2 after %3 ms: %4</source>
            <translation>✗ %1：HTTP %2，用时 %3 毫秒：%4</translation>
        </message>
        <message>
            <source>✗ %1: %2</source>
            <translation>✗ %1：%2</translation>
        </message>
        <message numerus="yes">
            <source>✓ %1 answered in %2 ms and lists %n model(s).</source>
            <translation>
                <numerusform>✓ %1 在 %2 毫秒内应答，列出了 %n 个模型。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n model(s); they are served now.</source>
            <translation>
                <numerusform>已添加 %n 个模型；现在即可使用。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RouteEditor</name>
        <message>
            <source>Use this route</source>
            <translation>使用此路由</translation>
        </message>
        <message>
            <source>Route enabled</source>
            <translation>路由已启用</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供商</translation>
        </message>
        <message>
            <source>Upstream model</source>
            <translation>上游模型</translation>
        </message>
        <message>
            <source>Model name at the provider</source>
            <translation>提供商处的模型名称</translation>
        </message>
        <message>
            <source>Fetch the provider's models</source>
            <translation>获取提供商的模型</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Lower tiers are tried first</source>
            <translation>数值小的层级先尝试</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>0 keeps the route configured but never picked</source>
            <translation>0 表示保留配置但从不选用</translation>
        </message>
        <message>
            <source>Share of the tier</source>
            <translation>层级内占比</translation>
        </message>
        <message>
            <source>Remove this route</source>
            <translation>移除此路由</translation>
        </message>
        <message>
            <source>%1 % of the requests that reach this tier</source>
            <translation>到达此层级的请求中有 %1 % 走这里</translation>
        </message>
        <message>
            <source>Fetching…</source>
            <translation>正在获取…</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Restart now</source>
            <translation>立即重启</translation>
        </message>
        <message>
            <source>Start LLM Orchestrator when I log in</source>
            <translation>登录时启动 LLM Orchestrator</translation>
        </message>
        <message>
            <source>Start in the tray, without showing the window</source>
            <translation>启动到托盘，不显示窗口</translation>
        </message>
        <message>
            <source>Notify me when a provider goes down or recovers</source>
            <translation>提供商不可用或恢复时通知我</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <source>127.0.0.1 serves this machine only; 0.0.0.0 serves the network</source>
            <translation>127.0.0.1 只服务本机；0.0.0.0 服务整个网络</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>端口(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Bind address:</source>
            <translation>绑定地址(&amp;B)：</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <source>Access keys</source>
            <translation>访问密钥</translation>
        </message>
        <message>
            <source>Admin API</source>
            <translation>管理 API</translation>
        </message>
        <message>
            <source>Scripts manage the gateway over HTTP at %1/admin/ with this token.</source>
            <translation>脚本可使用此令牌通过 HTTP 在 %1/admin/ 管理网关。</translation>
        </message>
        <message>
            <source>Show the token</source>
            <translation>显示令牌</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Token:</source>
            <translation>令牌：</translation>
        </message>
        <message>
            <source>Startup and tray</source>
            <translation>启动与托盘</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Forever</source>
            <translation>永久</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Request log rows older than this are deleted</source>
            <translation>早于此时间的请求日志会被删除</translation>
        </message>
        <message>
            <source>Location:</source>
            <translation>位置：</translation>
        </message>
        <message>
            <source>&amp;Keep request log:</source>
            <translation>请求日志保留(&amp;K)：</translation>
        </message>
        <message>
            <source>Advanced</source>
            <translation>高级</translation>
        </message>
        <message>
            <source>A route whose requests keep failing is skipped (its circuit opens) and tried again after a pause. Changes apply at once.</source>
            <translation>请求持续失败的路由会被跳过（熔断打开），暂停一段时间后再重试。更改立即生效。</translation>
        </message>
        <message>
            <source> failures in a row</source>
            <translation> 次连续失败</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>Open a route's circuit after:</source>
            <translation>熔断路由的条件：</translation>
        </message>
        <message>
            <source>Retry an open route after:</source>
            <translation>熔断后重试间隔：</translation>
        </message>
        <message>
            <source>Successful trials to close it:</source>
            <translation>关闭熔断所需成功次数：</translation>
        </message>
        <message>
            <source>Largest request body:</source>
            <translation>最大请求体：</translation>
        </message>
        <message>
            <source>Could not change the login item: %1</source>
            <translation>无法更改登录项：%1</translation>
        </message>
        <message>
            <source>"%1" is not an IP address.</source>
            <translation>“%1”不是 IP 地址。</translation>
        </message>
        <message>
            <source>⚠ Other machines can reach the gateway on this address. Anyone with an access key can then use your providers; use 127.0.0.1 unless you need that.</source>
            <translation>⚠ 其他机器可以通过此地址访问网关，任何持有访问密钥的人都能使用你的提供商；除非确有需要，请使用 127.0.0.1。</translation>
        </message>
        <message>
            <source>the new address</source>
            <translation>新地址</translation>
        </message>
        <message>
            <source>the language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>the log retention</source>
            <translation>日志保留期</translation>
        </message>
        <message>
            <source>the body limit</source>
            <translation>请求体上限</translation>
        </message>
        <message>
            <source>Serving now on %1, as the command line or environment asked; these values apply when started without them.</source>
            <translation>当前按命令行或环境变量在 %1 上服务；不带它们启动时使用这里的值。</translation>
        </message>
        <message>
            <source>Port and bind address take effect when the app restarts.</source>
            <translation>端口和绑定地址在应用重启后生效。</translation>
        </message>
        <message>
            <source>Saved. Restart to apply %1.</source>
            <translation>已保存。重启后应用%1。</translation>
        </message>
        <message>
            <source>Resume gateway</source>
            <translation>恢复网关</translation>
        </message>
        <message>
            <source>Pause gateway</source>
            <translation>暂停网关</translation>
        </message>
        <message>
            <source>Paused: LLM requests are answered 503 until you resume.</source>
            <translation>已暂停：在恢复之前，LLM 请求将返回 503。</translation>
        </message>
        <message>
            <source>Serving requests.</source>
            <translation>正在处理请求。</translation>
        </message>
    </context>
    <context>
        <name>StatusColors</name>
        <message>
            <source>Healthy</source>
            <translation>健康</translation>
        </message>
        <message>
            <source>Degraded</source>
            <translation>降级</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>不可用</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已禁用</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>暂无数据</translation>
        </message>
    </context>
    <context>
        <name>ToolSnippets</name>
        <message>
            <source>Run these in the shell you start Claude Code from.</source>
            <translation>在启动 Claude Code 的 shell 中运行以下命令。</translation>
        </message>
        <message>
            <source>Add the provider to Codex's config file, then set the key in your shell.</source>
            <translation>把提供商加入 Codex 的配置文件，然后在 shell 中设置密钥。</translation>
        </message>
        <message>
            <source>The OpenAI SDKs read these variables; the Python example needs no other change.</source>
            <translation>OpenAI SDK 会读取这些变量；Python 示例无需其他修改。</translation>
        </message>
        <message>
            <source>Point the Google Gen AI SDK at the gateway with its base URL option.</source>
            <translation>用 base URL 选项让 Google Gen AI SDK 指向网关。</translation>
        </message>
        <message>
            <source>A quick test from the command line.</source>
            <translation>在命令行中快速测试。</translation>
        </message>
    </context>
    <context>
        <name>Translations</name>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
    </context>
    <context>
        <name>TrayController</name>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Copy endpoint URL</source>
            <translation>复制端点 URL</translation>
        </message>
        <message>
            <source>Connect a tool…</source>
            <translation>连接工具…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Provider down</source>
            <translation>提供商不可用</translation>
        </message>
        <message>
            <source>%1 is not answering; its routes are skipped until it recovers.</source>
            <translation>%1 没有响应；在恢复之前将跳过它的路由。</translation>
        </message>
        <message>
            <source>Provider recovered</source>
            <translation>提供商已恢复</translation>
        </message>
        <message>
            <source>%1 is answering again.</source>
            <translation>%1 已恢复响应。</translation>
        </message>
        <message>
            <source>Still serving</source>
            <translation>仍在服务</translation>
        </message>
        <message>
            <source>LLM Orchestrator keeps serving on %1 from the tray. Choose Quit in the tray menu to stop it.</source>
            <translation>LLM Orchestrator 继续在托盘中于 %1 上服务。要停止，请在托盘菜单中选择“退出”。</translation>
        </message>
        <message>
            <source>Serving on %1</source>
            <translation>正在 %1 上服务</translation>
        </message>
        <message>
            <source>Serving on %1, some routes down</source>
            <translation>正在 %1 上服务，部分路由不可用</translation>
        </message>
        <message>
            <source>No usable route on %1</source>
            <translation>%1 上没有可用路由</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>LLM Orchestrator</source>
            <translation>LLM Orchestrator</translation>
        </message>
        <message>
            <source>Resume gateway</source>
            <translation>恢复网关</translation>
        </message>
        <message>
            <source>Pause gateway</source>
            <translation>暂停网关</translation>
        </message>
    </context>
</TS>
