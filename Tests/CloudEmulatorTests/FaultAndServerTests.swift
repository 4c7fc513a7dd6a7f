import AsyncHTTPClient
import Hummingbird
import Foundation
import Testing

@testable import CloudEmulator

@Suite("Faults")
struct FaultTests {
    @Test("Fault text parses and prints back")
    func parsing() throws {
        #expect(try EmulatorFault.parse("/identity/token=429:5@2") == EmulatorFault(route: "/identity/token", kind: .tooManyRequests(retryAfter: 5), count: 2))
        #expect(try EmulatorFault.parse("*=slow:0.5").kind == .slow(seconds: 0.5))
        #expect(try EmulatorFault.parse("/v2=drop").kind == .dropConnection)
        #expect(try EmulatorFault.parse("/kms=503").description == "/kms=503:1")
        #expect(try EmulatorFault.parse("/v1/apikeys=lost@1").kind == .lostResponse)
        #expect(try EmulatorFault.parse("/v2=expire").description == "/v2=expire")
        #expect(throws: EmulatorFault.ParseError.self) { try EmulatorFault.parse("/x=teapot") }
        #expect(throws: EmulatorFault.ParseError.self) { try EmulatorFault.parse("no-equals") }
        #expect(throws: EmulatorFault.ParseError.self) { try EmulatorFault.parse("/x=slow") }
    }

    @Test("A counted 429 answers with Retry-After in the service's envelope, then the route recovers")
    func tooManyRequests() async throws {
        try await withEmulator { cloud in
            let installed = try await cloud.send(.post, "/_emulator/faults", body: "/identity/token=429:7@1")
            #expect(installed.status == 201)
            let limited = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)])
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "7")
            #expect(limited.json["errorCode"] is String)
            let recovered = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)])
            #expect(recovered.status == 200)
        }
    }

    @Test("An expire fault ends the session: old access and refresh tokens are refused as expired, a new login works")
    func sessionExpired() async throws {
        try await withEmulator { cloud in
            let login = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)], basic: true)
            let old = try #require(login.json["access_token"] as? String)
            let refresh = try #require(login.json["refresh_token"] as? String)
            #expect(try await cloud.get("/v2/resource_groups", token: old).status == 200)

            _ = try await cloud.send(.post, "/_emulator/faults", body: "/v2/resource_groups=expire@1")
            let refused = try await cloud.get("/v2/resource_groups", token: old)
            #expect(refused.status == 401)
            #expect(refused.text.contains("expired"))
            #expect(try await cloud.get("/v1/serviceids?account_id=\(Cloud.devAccount)", token: old).status == 401, "every old token, on every service")
            let refreshed = try await cloud.tokenRequest([("grant_type", "refresh_token"), ("refresh_token", refresh)], basic: true)
            #expect(refreshed.status == 400)
            #expect(refreshed.json["errorCode"] as? String == "BXNIM0408E")

            let fresh = try await cloud.userToken()
            #expect(try await cloud.get("/v2/resource_groups", token: fresh).status == 200)
        }
    }

    @Test("500, 503 and malformed JSON faults; DELETE clears them")
    func otherFaults() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            _ = try await cloud.send(.post, "/_emulator/faults", body: "{\"fault\":\"/v2/resource_instances=503:2@1\"}")
            let unavailable = try await cloud.get("/v2/resource_instances", token: token)
            #expect(unavailable.status == 503)
            #expect(unavailable.header("Retry-After") == "2")
            #expect(unavailable.json["status_code"] as? Int == 503)

            _ = try await cloud.send(.post, "/_emulator/faults", body: "/coe/v2/accounts=malformed")
            let malformed = try await cloud.get("/coe/v2/accounts", token: token)
            #expect(malformed.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: Data(malformed.text.utf8))) == nil)

            _ = try await cloud.send(.post, "/_emulator/faults", body: "/kms=500")
            #expect(try await KeyProtectTests.listKeys(cloud, token: token).status == 500)
            let listed = try await cloud.send(.get, "/_emulator/faults")
            #expect((listed.json["faults"] as? [String])?.count == 2)
            #expect(try await cloud.send(.delete, "/_emulator/faults").status == 204)
            #expect(try await KeyProtectTests.listKeys(cloud, token: token).status == 200)
            #expect(try await cloud.get("/coe/v2/accounts", token: token).json["total_results"] as? Int == 3)

            #expect(try await cloud.send(.post, "/_emulator/faults", body: "nonsense").status == 400)
        }
    }
}

@Suite("Live server and worlds")
struct LiveServerTests {
    @Test("EmulatorServer listens on 127.0.0.1 (port 0), writes the endpoints file and serves over HTTP")
    func liveServer() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration(port: 0, tokenTTL: 5))
        do {
            #expect(server.port > 0)
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
            let endpoints = try #require(try JSONSerialization.jsonObject(with: Data(server.endpointsFile().utf8)) as? [String: String])
            #expect(endpoints == [
                "iam": server.baseURL, "accounts": server.baseURL, "resource_controller": server.baseURL,
                "key_protect": server.baseURL + "/kms/{region}",
            ])

            var request = HTTPClientRequest(url: server.baseURL + "/identity/token")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=\(EmulatorWorld.sandboxUserAPIKey)"))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(response.status.code == 200)
            let body = try await response.body.collect(upTo: 1 << 20)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
            #expect(json["expires_in"] as? Int == 5)

            let config = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: server.baseURL + "/identity/.well-known/openid-configuration"), timeout: .seconds(10))
            let configJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: try await config.body.collect(upTo: 1 << 20))) as? [String: Any])
            #expect(configJSON["token_endpoint"] as? String == server.baseURL + "/identity/token")
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test("Two servers on port 0 get different ports; a taken port fails to start")
    func ports() async throws {
        let first = try await EmulatorServer.start(EmulatorConfiguration())
        let second = try await EmulatorServer.start(EmulatorConfiguration())
        #expect(first.port != second.port)
        await #expect(throws: EmulatorServer.StartError.self) {
            let clash = try await EmulatorServer.start(EmulatorConfiguration(port: first.port))
            await clash.shutdown()
        }
        await first.shutdown()
        await second.shutdown()
    }

    @Test("The standard world round-trips through its JSON form")
    func worldJSONRoundTrip() throws {
        let data = try EmulatorWorld.standard.jsonData()
        #expect(try EmulatorWorld.load(json: data) == EmulatorWorld.standard)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(EmulatorWorld.sandboxUserAPIKey))
    }

    @Test("The standard world has what docs/emulator.md promises")
    func standardWorld() {
        let world = EmulatorWorld.standard
        let user = world.users.first { $0.email == EmulatorWorld.sandboxUserEmail }
        #expect(user?.accountIDs.count == 3)
        #expect(world.accounts.first { $0.id == user?.accountIDs[0] }?.name == "Sandbox Development")
        #expect(world.accounts.first { $0.id == user?.accountIDs[1] }?.name == "Sandbox Production")
        #expect(world.apiKeys.first { $0.value == EmulatorWorld.sandboxUserAPIKey }?.accountID == user?.accountIDs[0])
        for account in user?.accountIDs ?? [] {
            #expect(world.resourceGroups.filter { $0.accountID == account && $0.isDefault }.map(\.name) == ["Default"])
        }
        #expect(Set(world.instances.filter { $0.serviceName == "kms" }.map(\.regionID)).count >= 2)
        #expect(world.instances.contains { $0.serviceName != "kms" })
    }

    @Test("Generated worlds have the requested sizes and serve paged accounts")
    func generatedWorld() async throws {
        let world = EmulatorWorld.generated(accounts: 7, resourceGroups: 12, instances: 20, keysPerInstance: 1)
        #expect(world.accounts.count == 7)
        #expect(world.resourceGroups.count == 12)
        #expect(world.instances.count == 20)
        #expect(world.resourceGroups.filter(\.isDefault).count == 7)
        #expect(world.keys.count == world.instances.filter { $0.serviceName == "kms" }.count)
        #expect(try EmulatorWorld.load(json: world.jsonData()) == world)
        try await withEmulator(world: world) { cloud in
            let token = try await cloud.userToken()
            let page = try await cloud.get("/coe/v2/accounts?limit=5", token: token)
            #expect(page.json["total_results"] as? Int == 7)
            #expect(page.json["next_url"] is String)
            let kp = try await cloud.get("/v2/resource_instances?resource_id=\(EmulatorWorld.keyProtectResourceID)", token: token)
            let instance = try #require((kp.json["resources"] as? [[String: Any]])?.first)
            let keys = try await KeyProtectTests.listKeys(
                cloud, token: token, region: instance["region_id"] as! String, instance: instance["guid"] as! String)
            #expect(keys.status == 200)
        }
    }
}
