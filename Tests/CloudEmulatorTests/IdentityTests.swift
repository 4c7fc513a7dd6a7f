import Foundation
import Testing

@testable import CloudEmulator

@Suite("IAM Identity: service IDs and API keys")
struct IdentityTests {
    /// Creates a service ID and returns its JSON.
    static func createServiceID(_ cloud: Cloud, token: String, name: String) async throws -> [String: Any] {
        let reply = try await cloud.sendJSON(
            .post, "/v1/serviceids/", token: token, json: ["account_id": Cloud.devAccount, "name": name, "description": "made by a test"])
        try #require(reply.status == 201, "create failed: \(reply.text)")
        return reply.json
    }

    @Test("Service ID names are not unique: two creates make two IDs, both found by name")
    func duplicateNames() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let first = try await Self.createServiceID(cloud, token: token, name: "kp-wizard")
            let second = try await Self.createServiceID(cloud, token: token, name: "kp-wizard")
            #expect(first["id"] as? String != second["id"] as? String)
            let id = try #require(first["id"] as? String)
            #expect(id.hasPrefix("ServiceId-"))
            #expect(first["iam_id"] as? String == "iam-\(id)")
            #expect(first["crn"] as? String == "crn:v1:bluemix:public:iam-identity::a/\(Cloud.devAccount)::serviceid:\(id)")
            #expect((first["entity_tag"] as? String)?.hasPrefix("1-") == true)
            #expect(first["account_id"] as? String == Cloud.devAccount)
            #expect(first["locked"] as? Bool == false)
            #expect(first["created_at"] != nil && first["modified_at"] != nil)

            let listed = try await cloud.get("/v1/serviceids/?account_id=\(Cloud.devAccount)&name=kp-wizard", token: token)
            #expect(listed.status == 200)
            let ids = try #require(listed.json["serviceids"] as? [[String: Any]])
            #expect(ids.count == 2)
            #expect(listed.json["offset"] as? Int == 0)
            #expect(listed.json["limit"] as? Int == 20)
            #expect(listed.json["first"] is String)
            #expect(listed.json["next"] == nil)

            let none = try await cloud.get("/v1/serviceids?account_id=\(Cloud.devAccount)&name=kp-wiz", token: token)
            #expect((none.json["serviceids"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Service ID list pages with pagesize and next")
    func serviceIDPaging() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            for n in 1...3 { _ = try await Self.createServiceID(cloud, token: token, name: "svc-\(n)") }
            let page1 = try await cloud.get("/v1/serviceids/?account_id=\(Cloud.devAccount)&pagesize=2", token: token)
            #expect((page1.json["serviceids"] as? [Any])?.count == 2)
            let next = try #require(page1.json["next"] as? String)
            #expect(next.contains("pagetoken="))
            let path = String(next.dropFirst("http://127.0.0.1:9999".count))
            let page2 = try await cloud.get(path, token: token)
            #expect((page2.json["serviceids"] as? [Any])?.count == 2)
            #expect(page2.json["offset"] as? Int == 2)
            #expect(page2.json["next"] == nil)
        }
    }

    @Test("PUT needs If-Match: missing 400, stale 412, current or * succeed; DELETE then GET 404")
    func updateAndDelete() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let created = try await Self.createServiceID(cloud, token: token, name: "to-update")
            let id = try #require(created["id"] as? String)
            let tag = try #require(created["entity_tag"] as? String)

            let noIfMatch = try await cloud.sendJSON(.put, "/v1/serviceids/\(id)", token: token, json: ["name": "x"])
            #expect(noIfMatch.status == 400)
            let stale = try await cloud.sendJSON(.put, "/v1/serviceids/\(id)", token: token, json: ["name": "x"], headers: ["If-Match": "0-stale"])
            #expect(stale.status == 412)
            #expect(stale.json["status_code"] as? Int == 412)
            let updated = try await cloud.sendJSON(.put, "/v1/serviceids/\(id)", token: token, json: ["name": "renamed"], headers: ["If-Match": tag])
            #expect(updated.status == 200)
            #expect(updated.json["name"] as? String == "renamed")
            #expect((updated.json["entity_tag"] as? String)?.hasPrefix("2-") == true)
            let reused = try await cloud.sendJSON(.put, "/v1/serviceids/\(id)", token: token, json: ["name": "again"], headers: ["If-Match": tag])
            #expect(reused.status == 412)
            let star = try await cloud.sendJSON(.put, "/v1/serviceids/\(id)", token: token, json: ["description": "d"], headers: ["If-Match": "*"])
            #expect(star.status == 200)

            let got = try await cloud.get("/v1/serviceids/\(id)", token: token)
            #expect(got.status == 200)
            #expect(got.json["description"] as? String == "d")

            #expect(try await cloud.send(.delete, "/v1/serviceids/\(id)", headers: ["Authorization": "Bearer \(token)"]).status == 204)
            let gone = try await cloud.get("/v1/serviceids/\(id)", token: token)
            #expect(gone.status == 404)
            #expect(firstError(gone)["code"] as? String == "not_found")
        }
    }

    @Test("Creating a service ID needs account_id and name")
    func createValidation() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let noName = try await cloud.sendJSON(.post, "/v1/serviceids/", token: token, json: ["account_id": Cloud.devAccount])
            #expect(noName.status == 400)
            #expect(firstError(noName)["message"] != nil)
            let otherAccount = try await cloud.sendJSON(.post, "/v1/serviceids/", token: token, json: ["account_id": Cloud.prodAccount, "name": "x"])
            #expect(otherAccount.status == 403)
        }
    }

    @Test("The API key value is returned only on create (unless store_value)")
    func apiKeyValueOnlyOnCreate() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let serviceID = try await Self.createServiceID(cloud, token: token, name: "keyholder")
            let iamID = try #require(serviceID["iam_id"] as? String)

            let created = try await cloud.sendJSON(
                .post, "/v1/apikeys", token: token,
                json: ["name": "kp-wizard-key", "iam_id": iamID, "account_id": Cloud.devAccount, "description": "test"])
            #expect(created.status == 201)
            let value = try #require(created.json["apikey"] as? String)
            #expect(value.count >= 32)
            let keyID = try #require(created.json["id"] as? String)
            #expect(keyID.hasPrefix("ApiKey-"))
            #expect(created.json["iam_id"] as? String == iamID)
            #expect(created.json["crn"] as? String == "crn:v1:bluemix:public:iam-identity::a/\(Cloud.devAccount)::apikey:\(keyID)")

            let fetched = try await cloud.get("/v1/apikeys/\(keyID)", token: token)
            #expect(fetched.status == 200)
            #expect(fetched.json["apikey"] as? String == "")
            #expect(fetched.json["name"] as? String == "kp-wizard-key")

            let details = try await cloud.get("/v1/apikeys/details", token: token, headers: ["IAM-ApiKey": value])
            #expect(details.status == 200)
            #expect(details.json["id"] as? String == keyID)
            #expect(details.json["account_id"] as? String == Cloud.devAccount)
            #expect(details.json["apikey"] as? String == "")

            let listed = try await cloud.get("/v1/apikeys?account_id=\(Cloud.devAccount)&iam_id=\(iamID)", token: token)
            let keys = try #require(listed.json["apikeys"] as? [[String: Any]])
            #expect(keys.map { $0["id"] as? String } == [keyID])
            #expect(keys.allSatisfy { $0["apikey"] as? String == "" })

            let stored = try await cloud.sendJSON(
                .post, "/v1/apikeys", token: token, json: ["name": "stored", "iam_id": iamID, "store_value": true])
            let storedID = try #require(stored.json["id"] as? String)
            #expect(try await cloud.get("/v1/apikeys/\(storedID)", token: token).json["apikey"] as? String == stored.json["apikey"] as? String)

            #expect(try await cloud.send(.delete, "/v1/apikeys/\(keyID)", headers: ["Authorization": "Bearer \(token)"]).status == 204)
            #expect(try await cloud.get("/v1/apikeys/\(keyID)", token: token).status == 404)
            let exchange = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", value)])
            #expect(exchange.json["errorCode"] as? String == "BXNIM0415E")
        }
    }

    @Test("A new service-ID API key yields a service-ID token for its account")
    func serviceIDToken() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let serviceID = try await Self.createServiceID(cloud, token: token, name: "kp-wizard")
            let created = try await cloud.sendJSON(
                .post, "/v1/apikeys", token: token, json: ["name": "k", "iam_id": serviceID["iam_id"] as! String])
            let value = try #require(created.json["apikey"] as? String)
            let reply = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", value)])
            #expect(reply.status == 200)
            #expect(reply.json["ims_user_id"] == nil)
            let claims = try jwtClaims(try #require(reply.json["access_token"] as? String))
            #expect(claims["realmid"] as? String == "iam")
            #expect(claims["sub_type"] as? String == "ServiceId")
            #expect(claims["iam_id"] as? String == serviceID["iam_id"] as? String)
            #expect(claims["sub"] as? String == serviceID["id"] as? String)
            #expect(claims["identifier"] as? String == serviceID["id"] as? String)
            #expect(claims["name"] as? String == "kp-wizard")
            #expect(claims["email"] == nil)
            #expect((claims["account"] as? [String: Any])?["bss"] as? String == Cloud.devAccount)
        }
    }

    @Test("User API keys: only for yourself, and store_value is refused")
    func userKeys() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let own = try await cloud.sendJSON(.post, "/v1/apikeys", token: token, json: ["name": "mine", "iam_id": EmulatorWorld.sandboxUserIAMID])
            #expect(own.status == 201)
            let stored = try await cloud.sendJSON(
                .post, "/v1/apikeys", token: token, json: ["name": "mine", "iam_id": EmulatorWorld.sandboxUserIAMID, "store_value": true])
            #expect(stored.status == 400)
            let someoneElse = try await cloud.sendJSON(.post, "/v1/apikeys", token: token, json: ["name": "x", "iam_id": EmulatorWorld.otherUserIAMID])
            #expect(someoneElse.status == 403)
        }
    }
}
