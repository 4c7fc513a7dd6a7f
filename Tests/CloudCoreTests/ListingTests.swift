import Foundation
import Testing

@testable import CloudCore

@Suite struct AccountsTests {
    let page1 = #"{"next_url":"/coe/v2/accounts?next_docid=abc%2B1","total_results":3,"resources":[{"metadata":{"guid":"0123456789abcdef0123456789abcdef","url":"/coe/v2/accounts/0123456789abcdef0123456789abcdef","created_at":"2016-09-29T02:49:41.842Z","updated_at":"2018-08-16T18:56:00.442Z","anonymousId":"x"},"entity":{"name":"My Account","type":"TRIAL","state":"ACTIVE","owner":"o","owner_userid":"owner@example.com","organizations_region":[{"guid":"g","region":"us-south"}],"members":[{"guid":"m","user_id":"u","unique_id":"q"}]}}]}"#
    let page2 = #"{"next_url":"https://accounts.cloud.ibm.com/coe/v2/accounts?next_docid=def","resources":[{"metadata":{"guid":"bbbb"},"entity":{"name":"Second","type":"PAYG","state":"ACTIVE"}}]}"#
    let page3 = #"{"next_url":null,"resources":[{"metadata":{"guid":"cccc"},"entity":{"name":"Third\u001b[31m","type":"PAYG","state":"SUSPENDED"}}]}"#

    @Test func followsRelativeAndAbsoluteNextURL() async throws {
        let stub = StubTransport(responses: [json(200, page1), json(200, page2), json(200, page3)])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let accounts = try await client.accounts(token: try userToken())
        #expect(accounts == [
            Account(id: accountGUID, name: "My Account", state: "ACTIVE", type: "TRIAL"),
            Account(id: "bbbb", name: "Second", state: "ACTIVE", type: "PAYG"),
            Account(id: "cccc", name: "Third", state: "SUSPENDED", type: "PAYG"),
        ])
        #expect(stub.requests.map(\.url.absoluteString) == [
            "https://accounts.cloud.ibm.com/coe/v2/accounts",
            "https://accounts.cloud.ibm.com/coe/v2/accounts?next_docid=abc%2B1",
            "https://accounts.cloud.ibm.com/coe/v2/accounts?next_docid=def",
        ])
        for request in stub.requests {
            #expect(request.method == "GET")
            #expect(request.header("Authorization")?.hasPrefix("Bearer eyJ") == true)
            #expect(request.header("Accept") == "application/json")
        }
    }

    @Test func detectsRepeatedNextURL() async throws {
        let looping = #"{"next_url":"/coe/v2/accounts?next_docid=same","resources":[]}"#
        let stub = StubTransport(responses: [json(200, looping)])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.accounts(token: try userToken()) }
        guard case .decoding(.accounts, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(stub.requests.count == 2)
    }

    @Test func refusesNextURLOnAnotherHost() async throws {
        let stub = StubTransport(responses: [json(200, #"{"next_url":"https://evil.example.com/coe/v2/accounts?x=1","resources":[]}"#)])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.accounts(token: try userToken()) }
        guard case .decoding(.accounts, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(stub.requests.count == 1)
    }

    @Test func missingGUIDIsDecodingError() async throws {
        let stub = StubTransport(responses: [json(200, #"{"resources":[{"metadata":{},"entity":{"name":"x"}}]}"#)])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.accounts(token: try userToken()) }
        guard case .decoding(.accounts, let failure) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(failure == .missingField("resources[0].metadata.guid"))
    }

    @Test func accountsErrorFallsBack() {
        let error = CloudErrorMapper.map(service: .accounts, response: json(401, #"{"error":"invalid token","code":"NOT_AUTHORIZED"}"#, headers: ["Transaction-Id": "tx-9"]))
        #expect(error == .server(service: .accounts, status: 401, code: "NOT_AUTHORIZED", message: "invalid token", requestID: "tx-9"))
    }
}

@Suite struct ResourceControllerTests {
    @Test func resourceGroups() async throws {
        let body = #"{"resources":[{"id":"abcd","crn":"crn:v1:bluemix:public:resource-controller::a/0123456789abcdef0123456789abcdef::resource-group:abcd","account_id":"0123456789abcdef0123456789abcdef","name":"Default","state":"ACTIVE","default":true,"quota_id":"q","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"},{"id":"efgh","name":"team","state":"ACTIVE","default":false}]}"#
        let stub = StubTransport(responses: [json(200, body)])
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let groups = try await client.resourceGroups(accountID: accountGUID, token: try userToken())
        #expect(groups == [
            ResourceGroup(id: "abcd", name: "Default", isDefault: true, state: "ACTIVE", crn: "crn:v1:bluemix:public:resource-controller::a/0123456789abcdef0123456789abcdef::resource-group:abcd"),
            ResourceGroup(id: "efgh", name: "team", isDefault: false, state: "ACTIVE", crn: ""),
        ])
        #expect(stub.requests[0].url.absoluteString == "https://resource-controller.cloud.ibm.com/v2/resource_groups?account_id=\(accountGUID)")
        #expect(stub.requests[0].header("authorization")?.hasPrefix("Bearer ") == true)
    }

    func instance(_ guid: String, service: String = "kms", account: String = accountGUID, region: String = "us-south") -> String {
        let crn = "crn:v1:bluemix:public:\(service):\(region):a/\(account):\(guid)::"
        return #"{"id":"\#(crn)","guid":"\#(guid)","name":"KP \#(guid)","region_id":"\#(region)","account_id":"\#(account)","resource_group_id":"abcd","resource_id":"ee41347f-b18e-4ca6-bf80-b5467c63f9a6","crn":"\#(crn)","state":"active","type":"service_instance","locked":false}"#
    }

    @Test func keyProtectInstancesFollowsStartTokens() async throws {
        let pages = [
            #"{"rows_count":2,"next_url":"/v2/resource_instances?limit=100&start=tok%2B1&resource_id=ee41347f-b18e-4ca6-bf80-b5467c63f9a6","resources":[\#(instance("1111")),\#(instance("9999", service: "cloud-object-storage"))]}"#,
            #"{"rows_count":2,"next_url":"https://resource-controller.cloud.ibm.com/v2/resource_instances?start=tok2&limit=100","resources":[\#(instance("2222", region: "eu-de")),\#(instance("8888", account: "ffff"))]}"#,
            #"{"rows_count":0,"next_url":null,"resources":[]}"#,
        ]
        let stub = StubTransport { _, index in json(200, pages[index]) }
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let instances = try await client.keyProtectInstances(accountID: accountGUID, resourceGroupID: "abcd", token: try userToken())
        #expect(instances.map(\.guid) == ["1111", "2222"])
        #expect(instances[1] == KeyProtectInstance(guid: "2222", crn: "crn:v1:bluemix:public:kms:eu-de:a/\(accountGUID):2222::", name: "KP 2222", regionID: "eu-de", resourceGroupID: "abcd", state: "active"))
        let base = "https://resource-controller.cloud.ibm.com/v2/resource_instances?resource_id=ee41347f-b18e-4ca6-bf80-b5467c63f9a6&resource_group_id=abcd&limit=100"
        #expect(stub.requests.map(\.url.absoluteString) == [base, base + "&start=tok%2B1", base + "&start=tok2"])
    }

    @Test func keyProtectInstancesWithoutGroup() async throws {
        let stub = StubTransport(responses: [json(200, #"{"rows_count":1,"next_url":null,"resources":[\#(instance("1111"))]}"#)])
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let instances = try await client.keyProtectInstances(accountID: accountGUID, resourceGroupID: nil, token: try userToken())
        #expect(instances.count == 1)
        #expect(stub.requests[0].query("resource_group_id") == nil)
        #expect(stub.requests[0].query("resource_id") == "ee41347f-b18e-4ca6-bf80-b5467c63f9a6")
    }

    @Test func repeatedStartTokenIsAnError() async throws {
        let stub = StubTransport(responses: [json(200, #"{"next_url":"/v2/resource_instances?start=same","resources":[]}"#)])
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.keyProtectInstances(accountID: accountGUID, resourceGroupID: nil, token: try userToken()) }
        guard case .decoding(.resourceController, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(stub.requests.count == 2)
    }

    @Test func errorEnvelope() async throws {
        let body = #"{"error_code":"RC-ServiceBrokerErrorResponse","message":"Not authorized\u0007","status_code":403,"transaction_id":"tx-1"}"#
        let stub = StubTransport(responses: [json(403, body, headers: ["Transaction-Id": "tx-header"])])
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.resourceGroups(accountID: accountGUID, token: try userToken()) }
        #expect(error == .server(service: .resourceController, status: 403, code: "RC-ServiceBrokerErrorResponse", message: "Not authorized", requestID: "tx-1"))
        let noBodyID = CloudErrorMapper.map(service: .resourceController, response: json(500, #"{"message":"boom"}"#, headers: ["Transaction-Id": "tx-header"]))
        #expect(noBodyID == .server(service: .resourceController, status: 500, code: "", message: "boom", requestID: "tx-header"))
    }
}

@Suite struct IdentityListingTests {
    let serviceID1 = #"{"id":"ServiceId-2222","iam_id":"iam-ServiceId-2222","entity_tag":"1-0a1b2c","crn":"crn:v1:bluemix:public:iam-identity::a/0123456789abcdef0123456789abcdef::serviceid:ServiceId-2222","locked":false,"created_at":"2026-01-01T00:00+0000","modified_at":"2026-01-01T00:00+0000","account_id":"0123456789abcdef0123456789abcdef","name":"kp-wizard","description":"created by wizard"}"#

    @Test func searchFollowsNextAndFiltersExactName() async throws {
        let pages = [
            #"{"context":{"transaction_id":"t"},"offset":0,"limit":100,"first":"https://iam.cloud.ibm.com/v1/serviceids?account_id=x","next":"https://iam.cloud.ibm.com/v1/serviceids?account_id=x&pagetoken=PT%2B1","serviceids":[\#(serviceID1),{"id":"ServiceId-3333","iam_id":"iam-ServiceId-3333","name":"kp-wizard-2"}]}"#,
            #"{"offset":100,"limit":100,"serviceids":[{"id":"ServiceId-4444","iam_id":"iam-ServiceId-4444","name":"kp-wizard"}]}"#,
        ]
        let stub = StubTransport { _, index in json(200, pages[index]) }
        let client = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let ids = try await client.serviceIDs(named: "kp-wizard", accountID: accountGUID, token: try userToken())
        #expect(ids.map(\.id) == ["ServiceId-2222", "ServiceId-4444"])
        #expect(ids[0] == ServiceID(id: "ServiceId-2222", iamID: "iam-ServiceId-2222", name: "kp-wizard", description: "created by wizard", crn: "crn:v1:bluemix:public:iam-identity::a/0123456789abcdef0123456789abcdef::serviceid:ServiceId-2222", entityTag: "1-0a1b2c", createdAt: "2026-01-01T00:00+0000"))
        let base = "https://iam.cloud.ibm.com/v1/serviceids/?account_id=\(accountGUID)&name=kp-wizard&pagesize=100"
        #expect(stub.requests.map(\.url.absoluteString) == [base, base + "&pagetoken=PT%2B1"])
    }

    @Test func nameIsPercentEncodedInQuery() async throws {
        let stub = StubTransport(responses: [json(200, #"{"serviceids":[]}"#)])
        let client = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let ids = try await client.serviceIDs(named: "a b&c=d+e", accountID: accountGUID, token: try userToken())
        #expect(ids.isEmpty)
        #expect(stub.requests[0].url.absoluteString.contains("name=a%20b%26c%3Dd%2Be&"))
        #expect(stub.requests[0].query("name") == "a b&c=d+e")
    }

    @Test func rolesForKeyProtect() async throws {
        let body = #"{"custom_roles":[],"service_roles":[{"display_name":"Manager","description":"All","actions":["kms.secrets.create","kms.secrets.list"],"crn":"crn:v1:bluemix:public:iam::::serviceRole:Manager"},{"display_name":"Reader","crn":"crn:v1:bluemix:public:iam::::serviceRole:Reader"},{"display_name":"ReaderPlus","crn":"crn:v1:bluemix:public:kms::::serviceRole:ReaderPlus","actions":[]}],"system_roles":[{"display_name":"Viewer","crn":"crn:v1:bluemix:public:iam::::role:Viewer"}]}"#
        let stub = StubTransport(responses: [json(200, body)])
        let client = IAMPolicyClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let roles = try await client.keyProtectRoles(accountID: accountGUID, token: try userToken())
        #expect(roles.map(\.displayName) == ["Manager", "Reader", "ReaderPlus"])
        #expect(roles[0] == ServiceRole(displayName: "Manager", description: "All", crn: "crn:v1:bluemix:public:iam::::serviceRole:Manager", actions: ["kms.secrets.create", "kms.secrets.list"]))
        #expect(stub.requests[0].url.absoluteString == "https://iam.cloud.ibm.com/v2/roles?service_name=kms&account_id=\(accountGUID)")
    }
}
