import Foundation
import Testing

@testable import CloudEmulator

@Suite("Key Protect")
struct KeyProtectTests {
    /// Creates a service ID with an API key and returns (iam_id, service-ID access token).
    static func serviceIDWithToken(_ cloud: Cloud, userToken: String) async throws -> (iamID: String, token: String) {
        let serviceID = try await IdentityTests.createServiceID(cloud, token: userToken, name: "kp-wizard")
        let iamID = try #require(serviceID["iam_id"] as? String)
        let key = try await cloud.sendJSON(.post, "/v1/apikeys", token: userToken, json: ["name": "kp-wizard-key", "iam_id": iamID])
        let exchange = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", try #require(key.json["apikey"] as? String))])
        return (iamID, try #require(exchange.json["access_token"] as? String))
    }

    static func listKeys(_ cloud: Cloud, token: String, region: String = "us-south", instance: String = Cloud.devKP, query: String = "") async throws -> Reply {
        try await cloud.get("/kms/\(region)/api/v2/keys\(query)", token: token, headers: ["bluemix-instance": instance])
    }

    @Test("A new service ID gets 401 UNAUTHORIZED_ERR, then 200 once a Reader policy exists")
    func policyGrantsAccess() async throws {
        try await withEmulator { cloud in
            let userToken = try await cloud.userToken()
            let (iamID, serviceToken) = try await Self.serviceIDWithToken(cloud, userToken: userToken)

            let denied = try await Self.listKeys(cloud, token: serviceToken)
            #expect(denied.status == 401)
            #expect(denied.json["metadata"] as? [String: Any] != nil)
            let metadata = try #require(denied.json["metadata"] as? [String: Any])
            #expect(metadata["collectionType"] as? String == "application/vnd.ibm.kms.error+json")
            #expect(metadata["collectionTotal"] as? Int == 1)
            let resource = try #require((denied.json["resources"] as? [[String: Any]])?.first)
            #expect(resource["errorMsg"] as? String == "Unauthorized: The user does not have access to the specified resource")
            let reason = keyProtectReason(denied)
            #expect(reason["code"] as? String == "UNAUTHORIZED_ERR")
            #expect(reason["status"] as? Int == 401)
            #expect(reason["moreInfo"] as? String == "https://cloud.ibm.com/apidocs/key-protect")

            let policy = try await cloud.sendJSON(
                .post, "/v1/policies", token: userToken, json: policyBody(iamID: iamID, role: PolicyTests.reader, instance: Cloud.devKP))
            #expect(policy.status == 201)

            let allowed = try await Self.listKeys(cloud, token: serviceToken)
            #expect(allowed.status == 200)
            let okMetadata = try #require(allowed.json["metadata"] as? [String: Any])
            #expect(okMetadata["collectionType"] as? String == "application/vnd.ibm.kms.key+json")
            #expect(okMetadata["collectionTotal"] as? Int == 3)
            let keys = try #require(allowed.json["resources"] as? [[String: Any]])
            #expect(keys.count == 3)
            let key = keys[0]
            for field in ["id", "type", "name", "state", "crn", "createdBy", "creationDate", "lastUpdateDate", "extractable", "imported", "algorithmType", "dualAuthDelete"] {
                #expect(key[field] != nil, "missing \(field)")
            }
            #expect(key["type"] as? String == "application/vnd.ibm.kms.key+json")
            #expect((key["crn"] as? String)?.hasPrefix("crn:v1:bluemix:public:kms:us-south:a/\(Cloud.devAccount):\(Cloud.devKP):key:") == true)
            #expect(key["payload"] == nil)

            // The policy is on one instance only: the eu-de instance stays closed.
            let otherInstance = try await Self.listKeys(cloud, token: serviceToken, region: "eu-de", instance: EmulatorWorld.StandardIDs.devKeyProtectEUDE)
            #expect(otherInstance.status == 401)
        }
    }

    @Test("HEAD answers Key-Total; limit and offset page; filters apply; an empty instance has no resources")
    func headPagingAndEmpty() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let head = try await cloud.send(
                .head, "/kms/us-south/api/v2/keys", headers: ["Authorization": "Bearer \(token)", "bluemix-instance": Cloud.devKP])
            #expect(head.status == 200)
            #expect(head.header("Key-Total") == "3")
            #expect(head.text.isEmpty)

            let page = try await Self.listKeys(cloud, token: token, query: "?limit=2&offset=1")
            #expect((page.json["metadata"] as? [String: Any])?["collectionTotal"] as? Int == 2)
            #expect((page.json["resources"] as? [[String: Any]])?.map { $0["name"] as? String } == ["root-key-db", "standard-secret"])

            let standardOnly = try await Self.listKeys(cloud, token: token, query: "?extractable=true")
            #expect((standardOnly.json["resources"] as? [[String: Any]])?.map { $0["name"] as? String } == ["standard-secret"])

            let empty = try await Self.listKeys(cloud, token: token, region: "us-east", instance: EmulatorWorld.StandardIDs.devKeyProtectEmpty)
            #expect(empty.status == 200)
            #expect((empty.json["metadata"] as? [String: Any])?["collectionTotal"] as? Int == 0)
            #expect(empty.json["resources"] == nil)

            #expect(try await Self.listKeys(cloud, token: token, query: "?limit=0").status == 400)
            // IBM's SDKs send unset parameters empty.
            let emptyParameters = try await Self.listKeys(cloud, token: token, query: "?state=&extractable=&limit=&offset=")
            #expect((emptyParameters.json["resources"] as? [Any])?.count == 3)
        }
    }

    @Test("Missing bluemix-instance and a malformed Authorization are 400 with KP reason codes; correlation-id is echoed")
    func headerErrors() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let noInstance = try await cloud.get("/kms/us-south/api/v2/keys", token: token, headers: ["correlation-id": "corr-123"])
            #expect(noInstance.status == 400)
            #expect(keyProtectReason(noInstance)["code"] as? String == "BAD_HEADER_ERR")
            #expect(noInstance.header("correlation-id") == "corr-123")
            #expect((noInstance.json["metadata"] as? [String: Any])?["collectionType"] as? String == "application/vnd.ibm.kms.error+json")

            let notGUID = try await cloud.get("/kms/us-south/api/v2/keys", token: token, headers: ["bluemix-instance": "Key Protect-dev"])
            #expect(notGUID.status == 400)

            let noBearer = try await cloud.send(
                .get, "/kms/us-south/api/v2/keys", headers: ["Authorization": token, "bluemix-instance": Cloud.devKP])
            #expect(noBearer.status == 400)
            #expect(keyProtectReason(noBearer)["code"] as? String == "BEARER_SUB_EXTRACTION_ERR")
            let missing = try await cloud.send(.get, "/kms/us-south/api/v2/keys", headers: ["bluemix-instance": Cloud.devKP])
            #expect(keyProtectReason(missing)["code"] as? String == "BEARER_SUB_EXTRACTION_ERR")

            let ok = try await Self.listKeys(cloud, token: token)
            #expect(ok.header("correlation-id")?.isEmpty == false)
        }
    }

    @Test("The wrong region, an unknown instance and another account's instance are 401")
    func wrongRegionAndAccount() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let wrongRegion = try await Self.listKeys(cloud, token: token, region: "eu-de")
            #expect(wrongRegion.status == 401)
            #expect(keyProtectReason(wrongRegion)["code"] as? String == "UNAUTHORIZED_ERR")
            #expect((keyProtectReason(wrongRegion)["message"] as? String)?.contains("not in region eu-de") == true)

            let unknown = try await Self.listKeys(cloud, token: token, instance: "00000000-0000-4000-8000-00000000abcd")
            #expect(unknown.status == 401)

            let prod = try await Self.listKeys(cloud, token: token, region: "eu-de", instance: EmulatorWorld.StandardIDs.prodKeyProtectEUDE)
            #expect(prod.status == 401)
        }
    }

    @Test("With a propagation-delay fault a new policy takes effect only after the delay")
    func propagationDelay() async throws {
        try await withEmulator { cloud in
            cloud.server.faults.install(try EmulatorFault.parse("policy=propagation:30"))
            let userToken = try await cloud.userToken()
            let (iamID, serviceToken) = try await Self.serviceIDWithToken(cloud, userToken: userToken)
            _ = try await cloud.sendJSON(.post, "/v1/policies", token: userToken, json: policyBody(iamID: iamID, role: PolicyTests.reader))
            #expect(try await Self.listKeys(cloud, token: serviceToken).status == 401)
            cloud.clock.advance(by: 31)
            #expect(try await Self.listKeys(cloud, token: serviceToken).status == 200)
        }
    }
}
