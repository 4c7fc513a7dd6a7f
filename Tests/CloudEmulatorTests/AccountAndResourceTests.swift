import Foundation
import Testing

@testable import CloudEmulator

@Suite("Bearer token checks")
struct BearerTokenTests {
    @Test("An expired token is 401 in each service's envelope")
    func expiredToken() async throws {
        try await withEmulator(tokenTTL: 60) { cloud in
            let token = try await cloud.userToken()
            #expect(try await cloud.get("/v2/resource_groups?account_id=\(Cloud.devAccount)", token: token).status == 200)
            cloud.clock.advance(by: 61)

            let rc = try await cloud.get("/v2/resource_groups?account_id=\(Cloud.devAccount)", token: token)
            #expect(rc.status == 401)
            #expect(rc.json["status_code"] as? Int == 401)
            #expect(rc.json["error_code"] as? String != nil)
            #expect(rc.header("Transaction-Id") == rc.json["transaction_id"] as? String)

            let identity = try await cloud.get("/v1/serviceids/?account_id=\(Cloud.devAccount)", token: token)
            #expect(identity.status == 401)
            #expect(firstError(identity)["code"] as? String == "invalid_access_token")
            #expect(identity.json["trace"] != nil)

            let kp = try await cloud.get("/kms/us-south/api/v2/keys", token: token, headers: ["bluemix-instance": Cloud.devKP])
            #expect(kp.status == 401)
            #expect(keyProtectReason(kp)["code"] as? String == "UNAUTHORIZED_ERR")
        }
    }

    @Test("A tampered or garbage token is 401")
    func tamperedToken() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            var parts = token.split(separator: ".").map(String.init)
            var payload = try jwtClaims(token)
            payload["account"] = ["bss": Cloud.otherAccount, "valid": true]
            parts[1] = try JSONSerialization.data(withJSONObject: payload).base64URLEncoded()
            let tampered = parts.joined(separator: ".")

            #expect(try await cloud.get("/v2/resource_instances", token: tampered).status == 401)
            #expect(try await cloud.get("/v2/resource_instances", token: "not.a.jwt").status == 401)
            #expect(try await cloud.get("/v2/resource_instances", token: nil).status == 401)
            #expect(try await cloud.get("/coe/v2/accounts", token: tampered).status == 401)
            let policies = try await cloud.get("/v1/policies?account_id=\(Cloud.devAccount)", token: tampered)
            #expect(policies.status == 401)
            #expect(firstError(policies)["code"] as? String == "invalid_token")
        }
    }

    @Test("A token scoped to one account gets 403 when asking about another")
    func wrongAccountIs403() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let groups = try await cloud.get("/v2/resource_groups?account_id=\(Cloud.prodAccount)", token: token)
            #expect(groups.status == 403)
            #expect(groups.json["status_code"] as? Int == 403)
            let serviceIDs = try await cloud.get("/v1/serviceids/?account_id=\(Cloud.prodAccount)", token: token)
            #expect(serviceIDs.status == 403)
            let policies = try await cloud.get("/v1/policies?account_id=\(Cloud.prodAccount)", token: token)
            #expect(policies.status == 403)
            #expect(firstError(policies)["code"] as? String == "insufficent_permissions")
            let instance = try await cloud.get("/v2/resource_instances/\(EmulatorWorld.StandardIDs.prodKeyProtectEUDE)", token: token)
            #expect(instance.status == 403)
        }
    }
}

@Suite("Accounts")
struct AccountTests {
    @Test("Accounts page with limit=1 through relative next_url until null")
    func pagination() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            var next: String? = "/coe/v2/accounts?limit=1"
            var names: [String] = []
            var guids: [String] = []
            while let path = next {
                let reply = try await cloud.get(path, token: token)
                #expect(reply.status == 200)
                #expect(reply.json["total_results"] as? Int == 3)
                let resources = try #require(reply.json["resources"] as? [[String: Any]])
                #expect(resources.count == 1)
                let metadata = try #require(resources[0]["metadata"] as? [String: Any])
                let entity = try #require(resources[0]["entity"] as? [String: Any])
                guids.append(try #require(metadata["guid"] as? String))
                #expect(metadata["url"] as? String == "/coe/v2/accounts/\(guids.last!)")
                #expect(metadata["created_at"] != nil && metadata["updated_at"] != nil)
                names.append(try #require(entity["name"] as? String))
                #expect(entity["state"] as? String == "ACTIVE")
                #expect(entity["type"] != nil && entity["owner"] != nil)
                if reply.json["next_url"] is NSNull {
                    next = nil
                } else {
                    let url = try #require(reply.json["next_url"] as? String)
                    #expect(url.hasPrefix("/coe/v2/accounts?"))
                    next = url
                }
                #expect(names.count <= 3)
            }
            #expect(names == ["Sandbox Development", "Sandbox Production", "Sandbox Staging"])
            #expect(guids.first == Cloud.devAccount)
        }
    }

    @Test("One account by GUID; another user's account is 403")
    func singleAccount() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let mine = try await cloud.get("/coe/v2/accounts/\(Cloud.prodAccount)", token: token)
            #expect(mine.status == 200)
            #expect((mine.json["entity"] as? [String: Any])?["name"] as? String == "Sandbox Production")
            #expect(try await cloud.get("/coe/v2/accounts/\(Cloud.otherAccount)", token: token).status == 403)
            #expect(try await cloud.get("/coe/v2/accounts/ffffffffffffffffffffffffffffffff", token: token).status == 404)
        }
    }
}

@Suite("Resource Manager and Resource Controller")
struct ResourceControllerTests {
    @Test("Resource groups of the token's account, one default named Default, with every field")
    func resourceGroups() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let reply = try await cloud.get("/v2/resource_groups?account_id=\(Cloud.devAccount)", token: token)
            #expect(reply.status == 200)
            let groups = try #require(reply.json["resources"] as? [[String: Any]])
            #expect(groups.count == 3)
            let defaults = groups.filter { $0["default"] as? Bool == true }
            #expect(defaults.count == 1)
            #expect(defaults.first?["name"] as? String == "Default")
            for field in ["id", "crn", "account_id", "name", "state", "default", "quota_id", "quota_url", "payment_methods_url", "resource_linkages", "teams_url", "created_at", "updated_at"] {
                #expect(groups[0][field] != nil, "missing \(field)")
            }
            #expect(groups.allSatisfy { $0["account_id"] as? String == Cloud.devAccount })
        }
    }

    @Test("resource_id filters to Key Protect; other services are listed without it")
    func keyProtectFiltering() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let all = try await cloud.get("/v2/resource_instances", token: token)
            #expect(all.status == 200)
            #expect(all.header("Transaction-Id")?.isEmpty == false)
            let everything = try #require(all.json["resources"] as? [[String: Any]])
            #expect(everything.contains { $0["resource_id"] as? String == EmulatorWorld.cloudObjectStorageResourceID })

            let kp = try await cloud.get("/v2/resource_instances?resource_id=\(EmulatorWorld.keyProtectResourceID)", token: token)
            let instances = try #require(kp.json["resources"] as? [[String: Any]])
            #expect(instances.count == 3)
            #expect(kp.json["rows_count"] as? Int == 3)
            #expect(kp.json["next_url"] is NSNull)
            #expect(instances.allSatisfy { $0["resource_id"] as? String == EmulatorWorld.keyProtectResourceID })
            #expect(Set(instances.compactMap { $0["region_id"] as? String }) == ["us-south", "eu-de", "us-east"])
            let first = try #require(instances.first { $0["guid"] as? String == Cloud.devKP })
            for field in ["id", "guid", "url", "name", "region_id", "account_id", "resource_group_id", "resource_group_crn", "resource_id", "resource_plan_id", "target_crn", "crn", "state", "type", "sub_type", "locked", "created_at"] {
                #expect(first[field] != nil, "missing \(field)")
            }
            #expect(first["id"] as? String == first["crn"] as? String)
            #expect(first["crn"] as? String == "crn:v1:bluemix:public:kms:us-south:a/\(Cloud.devAccount):\(Cloud.devKP)::")
            #expect(first["type"] as? String == "service_instance")
            #expect(first["state"] as? String == "active")

            let inGroup = try await cloud.get(
                "/v2/resource_instances?resource_id=\(EmulatorWorld.keyProtectResourceID)&resource_group_id=\(EmulatorWorld.StandardIDs.devSecurityGroup)",
                token: token)
            #expect((inGroup.json["resources"] as? [[String: Any]])?.map { $0["name"] as? String } == ["kp-security-frankfurt"])
        }
    }

    @Test("Pages of limit=1 follow next_url, which keeps limit and carries start with the filters")
    func pagination() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            var next: String? = "/v2/resource_instances?resource_id=\(EmulatorWorld.keyProtectResourceID)&limit=1"
            var guids: [String] = []
            while let path = next {
                let reply = try await cloud.get(path, token: token)
                #expect(reply.status == 200)
                let resources = try #require(reply.json["resources"] as? [[String: Any]])
                #expect(resources.count == 1)
                #expect(reply.json["rows_count"] as? Int == 1)
                guids.append(try #require(resources[0]["guid"] as? String))
                #expect(resources[0]["resource_id"] as? String == EmulatorWorld.keyProtectResourceID)
                if let url = reply.json["next_url"] as? String {
                    #expect(url.hasPrefix("/v2/resource_instances?"))
                    #expect(url.contains("limit=1"))
                    #expect(url.contains("start="))
                    next = url
                } else {
                    next = nil
                }
                #expect(guids.count <= 3)
            }
            #expect(guids.count == 3)
            #expect(Set(guids).count == 3)
        }
    }

    @Test("A bad limit is 400 in the Resource Controller envelope; one instance by GUID")
    func errorsAndSingleInstance() async throws {
        try await withEmulator { cloud in
            let token = try await cloud.userToken()
            let bad = try await cloud.get("/v2/resource_instances?limit=zero", token: token)
            #expect(bad.status == 400)
            #expect(bad.json["status_code"] as? Int == 400)
            #expect(bad.json["transaction_id"] as? String == bad.header("Transaction-Id"))
            let one = try await cloud.get("/v2/resource_instances/\(Cloud.devKP)", token: token)
            #expect(one.status == 200)
            #expect(one.json["name"] as? String == "Key Protect-dev")
            #expect(try await cloud.get("/v2/resource_instances/00000000-0000-4000-8000-000000000000", token: token).status == 404)
        }
    }
}
