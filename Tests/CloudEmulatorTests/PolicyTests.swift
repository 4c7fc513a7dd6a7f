import Foundation
import Testing

@testable import CloudEmulator

/// A v1 policy body granting `role` on Key Protect to `iamID`, optionally narrowed to one instance.
func policyBody(iamID: String, role: String, account: String = Cloud.devAccount, instance: String? = nil) -> [String: Any] {
    var attributes: [[String: Any]] = [["name": "accountId", "value": account], ["name": "serviceName", "value": "kms"]]
    if let instance { attributes.append(["name": "serviceInstance", "value": instance]) }
    return [
        "type": "access",
        "subjects": [["attributes": [["name": "iam_id", "value": iamID]]]],
        "roles": [["role_id": role]],
        "resources": [["attributes": attributes]],
    ]
}

@Suite("IAM Policy Management")
struct PolicyTests {
    static let reader = "crn:v1:bluemix:public:iam::::serviceRole:Reader"

    @Test("Roles for kms: Manager, Writer, Reader, ReaderPlus, KeyPurge, KmipAdapterManager plus the platform roles")
    func roles() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let reply = try await cloud.get("/v2/roles?service_name=kms&account_id=\(Cloud.devAccount)", token: token)
            #expect(reply.status == 200)
            let service = try #require(reply.json["service_roles"] as? [[String: Any]])
            var crns: [String: String] = [:]
            for role in service { crns[role["display_name"] as! String] = role["crn"] as? String }
            #expect(crns["Manager"] == "crn:v1:bluemix:public:iam::::serviceRole:Manager")
            #expect(crns["Writer"] == "crn:v1:bluemix:public:iam::::serviceRole:Writer")
            #expect(crns["Reader"] == Self.reader)
            #expect(crns["ReaderPlus"] == "crn:v1:bluemix:public:kms::::serviceRole:ReaderPlus")
            #expect(crns["KeyPurge"] == "crn:v1:bluemix:public:kms::::serviceRole:KeyPurge")
            #expect(crns["KmipAdapterManager"] == "crn:v1:bluemix:public:kms::::serviceRole:KmipAdapterManager")
            #expect(service.allSatisfy { ($0["description"] as? String)?.isEmpty == false && $0["actions"] is [String] })
            let reader = try #require(service.first { $0["display_name"] as? String == "Reader" })
            #expect((reader["actions"] as? [String])?.contains("kms.secrets.list") == true)
            let system = try #require(reply.json["system_roles"] as? [[String: Any]])
            #expect(Set(system.compactMap { $0["display_name"] as? String }) == ["Viewer", "Operator", "Editor", "Administrator"])
            #expect((reply.json["custom_roles"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Create a policy (201), then the same again is 409 policy_conflict_error naming the first")
    func createAndConflict() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let serviceID = try await IdentityTests.createServiceID(cloud, token: token, name: "kp-wizard")
            let iamID = try #require(serviceID["iam_id"] as? String)
            let body = policyBody(iamID: iamID, role: Self.reader, instance: Cloud.devKP)

            let created = try await cloud.sendJSON(.post, "/v1/policies", token: token, json: body)
            #expect(created.status == 201)
            let policyID = try #require(created.json["id"] as? String)
            #expect(created.json["type"] as? String == "access")
            #expect(created.json["state"] as? String == "active")
            #expect(created.json["href"] as? String == "http://127.0.0.1:9999/v1/policies/\(policyID)")
            let roles = try #require(created.json["roles"] as? [[String: Any]])
            #expect(roles.first?["role_id"] as? String == Self.reader)
            #expect(roles.first?["display_name"] as? String == "Reader")
            #expect(created.json["created_by_id"] as? String == EmulatorWorld.sandboxUserIAMID)

            let duplicate = try await cloud.sendJSON(.post, "/v1/policies", token: token, json: body)
            #expect(duplicate.status == 409)
            #expect(duplicate.json["status_code"] as? Int == 409)
            #expect(duplicate.json["trace"] is String)
            let error = firstError(duplicate)
            #expect(error["code"] as? String == "policy_conflict_error")
            let conflict = (error["details"] as? [String: Any])?["conflicts_with"] as? [String: Any]
            #expect((conflict?["policy"] as? [String: Any])?["id"] as? String == policyID)

            let listed = try await cloud.get("/v1/policies?account_id=\(Cloud.devAccount)&iam_id=\(iamID)&type=access", token: token)
            #expect((listed.json["policies"] as? [[String: Any]])?.map { $0["id"] as? String } == [policyID])
            #expect(try await cloud.get("/v1/policies/\(policyID)", token: token).status == 200)
            #expect(try await cloud.send(.delete, "/v1/policies/\(policyID)", headers: ["Authorization": "Bearer \(token)"]).status == 204)
            #expect(try await cloud.get("/v1/policies/\(policyID)", token: token).status == 404)
        }
    }

    @Test("Validation: unknown role, missing accountId, unknown subject, wrong type are 400")
    func validation() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let legacy = "iam-ServiceId-0d000000-0000-4000-8000-000000000001"

            let unknownRole = try await cloud.sendJSON(
                .post, "/v1/policies", token: token, json: policyBody(iamID: legacy, role: "crn:v1:bluemix:public:iam::::serviceRole:Boss"))
            #expect(unknownRole.status == 400)
            #expect(firstError(unknownRole)["code"] as? String == "role_not_found")

            var noAccount = policyBody(iamID: legacy, role: Self.reader)
            noAccount["resources"] = [["attributes": [["name": "serviceName", "value": "kms"]]]]
            let missing = try await cloud.sendJSON(.post, "/v1/policies", token: token, json: noAccount)
            #expect(missing.status == 400)
            #expect(firstError(missing)["code"] as? String == "invalid_body")

            let ghost = try await cloud.sendJSON(
                .post, "/v1/policies", token: token, json: policyBody(iamID: "iam-ServiceId-nope", role: Self.reader))
            #expect(ghost.status == 400)

            var wrongType = policyBody(iamID: legacy, role: Self.reader)
            wrongType["type"] = "authorization"
            #expect(try await cloud.sendJSON(.post, "/v1/policies", token: token, json: wrongType).status == 400)

            #expect(try await cloud.get("/v1/policies", token: token).status == 400)
        }
    }

    @Test("Only an account Administrator may create policies")
    func administratorOnly() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let serviceID = try await IdentityTests.createServiceID(cloud, token: token, name: "not-admin")
            let key = try await cloud.sendJSON(.post, "/v1/apikeys", token: token, json: ["name": "k", "iam_id": serviceID["iam_id"] as! String])
            let exchange = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", key.json["apikey"] as! String)])
            let serviceToken = try #require(exchange.json["access_token"] as? String)
            let reply = try await cloud.sendJSON(
                .post, "/v1/policies", token: serviceToken, json: policyBody(iamID: serviceID["iam_id"] as! String, role: Self.reader))
            #expect(reply.status == 403)
            #expect(firstError(reply)["code"] as? String == "insufficent_permissions")
        }
    }
}
