import CloudEmulator
import Foundation
import Testing

@testable import CloudCore

/// HTTPS_PROXY, HTTP_PROXY and NO_PROXY, end to end through a recording proxy on 127.0.0.1.
@Suite("Proxies from the environment")
struct ProxyTests {
    @Test("HTTP_PROXY carries every call of the flow (a proxy on loopback forwards to the emulator)")
    func everyCallGoesThroughTheProxy() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration())
        let proxy = try RecordingProxy(upstreamPort: server.port)
        let transport = LiveHTTPTransport(environment: ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"])
        defer { proxy.stop() }
        do {
            // Host names that are not loopback, so only the proxy can reach them.
            let port = server.port
            let endpoints = Endpoints(
                iam: URL(string: "http://iam.proxied.test:\(port)")!, accounts: URL(string: "http://accounts.proxied.test:\(port)")!,
                resourceController: URL(string: "http://rc.proxied.test:\(port)")!, keyProtect: "http://{region}.kms.proxied.test:\(port)/kms/{region}")
            #expect(transport.usesProxy(for: endpoints.iam))
            let api = LiveCloudAPI(endpoints: endpoints, transport: transport,
                options: CloudClientOptions(retryPolicy: RetryPolicy(maxAttempts: 1), timeout: 10))
            let user = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            let account = user.claims.accountID
            _ = try await api.accounts(token: user)
            _ = try await api.resourceGroups(accountID: account, token: user)
            let instance = try #require(try await api.keyProtectInstances(accountID: account, resourceGroupID: nil, token: user).first)
            let serviceID = try await api.createServiceID(name: "via-proxy", description: "", accountID: account, token: user)
            let reader = try #require(try await api.keyProtectRoles(accountID: account, token: user).first { $0.displayName == "Reader" })
            _ = try await api.createAccessPolicy(subjectIAMID: serviceID.iamID, roleCRN: reader.crn, accountID: account,
                scope: .instance(guid: instance.guid), token: user)
            let key = try await api.createAPIKey(name: "via-proxy-key", description: "", serviceIAMID: serviceID.iamID, accountID: account, token: user)
            let serviceToken = try await api.token(apiKey: key.apiKey)
            _ = try await api.listKeys(region: instance.regionID, instanceGUID: instance.guid, token: serviceToken)

            let seen = proxy.requestLines
            for expected in [
                "iam.proxied.test:\(port) POST /identity/token", "accounts.proxied.test:\(port) GET /coe/v2/accounts",
                "rc.proxied.test:\(port) GET /v2/resource_groups", "rc.proxied.test:\(port) GET /v2/resource_instances",
                "iam.proxied.test:\(port) POST /v1/serviceids", "iam.proxied.test:\(port) GET /v2/roles",
                "iam.proxied.test:\(port) POST /v1/policies", "iam.proxied.test:\(port) POST /v1/apikeys",
                "\(instance.regionID).kms.proxied.test:\(port) GET /kms/\(instance.regionID)/api/v2/keys",
            ] {
                #expect(seen.contains { $0.hasPrefix(expected) }, "\(expected) went through the proxy; seen: \(seen)")
            }
            #expect(!seen.contains { $0.contains(EmulatorWorld.sandboxUserAPIKey) }, "no secret in a request line")
        } catch {
            try? await transport.shutdown(); await server.shutdown(); throw error
        }
        try await transport.shutdown()
        await server.shutdown()
    }

    @Test("HTTPS_PROXY gets a CONNECT for IBM Cloud's host (the test proxy refuses it: nothing leaves the machine)")
    func httpsGoesThroughTheProxy() async throws {
        let proxy = try RecordingProxy(upstreamPort: 9)
        defer { proxy.stop() }
        let transport = LiveHTTPTransport(environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
        let api = LiveCloudAPI(endpoints: .ibmCloud, transport: transport,
            options: CloudClientOptions(retryPolicy: RetryPolicy(maxAttempts: 1), timeout: 10))
        await #expect(throws: CloudError.self) { _ = try await api.token(apiKey: Secret("not-sent-anywhere")) }
        try await transport.shutdown()
        #expect(proxy.requestLines.contains { $0.hasPrefix("CONNECT iam.cloud.ibm.com:443 ") }, "seen: \(proxy.requestLines)")
    }

    @Test("NO_PROXY and loopback hosts go direct; everything else through the proxy for its scheme")
    func noProxyIsHonoured() async throws {
        let transport = LiveHTTPTransport(environment: [
            "https_proxy": "http://127.0.0.1:3128", "HTTP_PROXY": "http://127.0.0.1:3129", "NO_PROXY": ".private.cloud.ibm.com,example.org",
        ])
        #expect(transport.usesProxy(for: URL(string: "https://iam.cloud.ibm.com/identity/token")!))
        #expect(!transport.usesProxy(for: URL(string: "https://private.us-south.kms.private.cloud.ibm.com/api/v2/keys")!))
        #expect(!transport.usesProxy(for: URL(string: "https://example.org/x")!))
        #expect(transport.usesProxy(for: URL(string: "http://example.com/x")!))
        #expect(!transport.usesProxy(for: URL(string: "http://127.0.0.1:8080/x")!))
        #expect(!transport.usesProxy(for: URL(string: "http://localhost:8080/x")!))
        let none = LiveHTTPTransport(environment: [:])
        #expect(!none.usesProxy(for: URL(string: "https://iam.cloud.ibm.com/identity/token")!))
        try await transport.shutdown()
        try await none.shutdown()
    }
}
