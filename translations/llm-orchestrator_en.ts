<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>GatewayStatusWidget</name>
        <message numerus="yes">
            <source>%n request(s) in the last minute</source>
            <translation>
                <numerusform>%n request in the last minute</numerusform>
                <numerusform>%n requests in the last minute</numerusform>
            </translation>
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
    </context>
</TS>
