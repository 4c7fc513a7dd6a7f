import Foundation
import Testing

@testable import CloudCore

@Suite struct CreateTests {
    @Test func createServiceIDBody() async throws {
        let body = #"{"id":"ServiceId-2222","iam_id":"iam-ServiceId-2222","entity_tag":"1-0a1b2c","crn":"crn:v1:bluemix:public:iam-identity::a/0123456789abcdef0123456789abcdef::serviceid:ServiceId-2222","locked":false,"created_at":"2026-01-01T00:00+0000","modified_at":"2026-01-01T00:00+0000","account_id":"0123456789abcdef0123456789abcdef","name":"kp-wizard","description":"created by wizard"}"#
        let stub = StubTransport(responses: [json(201, body)])
        let client = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let created = try await client.createServiceID(name: "kp-wizard", description: "created by wizard", accountID: accountGUID, token: try userToken())
        #expect(created.iamID == "iam-ServiceId-2222")
        #expect(created.entityTag == "1-0a1b2c")
        let request = try #require(stub.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://iam.cloud.ibm.com/v1/serviceids/")
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("accept") == "application/json")
        #expect(request.header("authorization")?.hasPrefix("Bearer ") == true)
        #expect(request.bodyJSON == ["account_id": accountGUID, "name": "kp-wizard", "description": "created by wizard"] as NSDictionary)
    }

    @Test func createPolicyInstanceScopeBody() async throws {
        let response = #"{"id":"3333","type":"access","subjects":[{"attributes":[{"name":"iam_id","value":"iam-ServiceId-2222"}]}],"roles":[{"role_id":"crn:v1:bluemix:public:iam::::serviceRole:Writer","display_name":"Writer"}],"resources":[{"attributes":[{"name":"accountId","value":"0123456789abcdef0123456789abcdef"},{"name":"serviceName","value":"kms"},{"name":"serviceInstance","value":"1111"}]}],"href":"https://iam.cloud.ibm.com/v1/policies/3333","created_at":"2026-01-01T00:00:00.000Z","created_by_id":"IBMid-x","state":"active"}"#
        let stub = StubTransport(responses: [json(201, response)])
        let client = IAMPolicyClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let policy = try await client.createAccessPolicy(subjectIAMID: "iam-ServiceId-2222", roleCRN: "crn:v1:bluemix:public:iam::::serviceRole:Writer", accountID: accountGUID, scope: .instance(guid: "1111"), token: try userToken())
        #expect(policy == AccessPolicy(id: "3333", roleIDs: ["crn:v1:bluemix:public:iam::::serviceRole:Writer"], subjectIAMID: "iam-ServiceId-2222", state: "active"))
        let request = try #require(stub.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://iam.cloud.ibm.com/v1/policies")
        #expect(request.header("content-type") == "application/json")
        #expect(request.bodyText == #"{"resources":[{"attributes":[{"name":"accountId","value":"0123456789abcdef0123456789abcdef"},{"name":"serviceName","value":"kms"},{"name":"serviceInstance","value":"1111"}]}],"roles":[{"role_id":"crn:v1:bluemix:public:iam::::serviceRole:Writer"}],"subjects":[{"attributes":[{"name":"iam_id","value":"iam-ServiceId-2222"}]}],"type":"access"}"#)
    }

    @Test func createPolicyResourceGroupScopeBody() throws {
        let body = try IAMPolicyClient.policyBody(subjectIAMID: "iam-ServiceId-2222", roleCRN: "crn:v1:bluemix:public:iam::::serviceRole:Reader", accountID: accountGUID, scope: .resourceGroup(id: "abcd"))
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? NSDictionary)
        let expected: NSDictionary = [
            "type": "access",
            "subjects": [["attributes": [["name": "iam_id", "value": "iam-ServiceId-2222"]]]],
            "roles": [["role_id": "crn:v1:bluemix:public:iam::::serviceRole:Reader"]],
            "resources": [["attributes": [["name": "accountId", "value": accountGUID], ["name": "serviceName", "value": "kms"], ["name": "resourceGroupId", "value": "abcd"]]]],
        ]
        #expect(object == expected)
    }

    @Test func policyConflictEnvelope() async throws {
        let body = #"{"trace":"trace-7","errors":[{"code":"policy_conflict_error","message":"Failed to create policy.","details":{"conflicts_with":{"etag":"1-x","policy":{"id":"3333"}}}}],"status_code":409}"#
        let stub = StubTransport(responses: [json(409, body)])
        let client = IAMPolicyClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError {
            _ = try await client.createAccessPolicy(subjectIAMID: "s", roleCRN: "r", accountID: accountGUID, scope: .instance(guid: "1111"), token: try userToken())
        }
        #expect(error == .server(service: .iamPolicy, status: 409, code: "policy_conflict_error", message: "Failed to create policy.", requestID: "trace-7"))
    }

    @Test func createAPIKeyBodyAndParse() async throws {
        let response = #"{"id":"ApiKey-4444","entity_tag":"1-x","crn":"crn:v1:bluemix:public:iam-identity::a/0123456789abcdef0123456789abcdef::apikey:ApiKey-4444","locked":false,"disabled":false,"created_at":"2026-01-01T00:00+0000","created_by":"IBMid-x","modified_at":"2026-01-01T00:00+0000","name":"kp-wizard-key","description":"for kp","iam_id":"iam-ServiceId-2222","account_id":"0123456789abcdef0123456789abcdef","apikey":"AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEf","action_when_leaked":"disable"}"#
        let stub = StubTransport(responses: [json(201, response)])
        let client = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let key = try await client.createAPIKey(name: "kp-wizard-key", description: "for kp", serviceIAMID: "iam-ServiceId-2222", accountID: accountGUID, token: try userToken())
        #expect(key == ServiceAPIKey(id: "ApiKey-4444", name: "kp-wizard-key", description: "for kp", apiKey: Secret("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEf"), iamID: "iam-ServiceId-2222", accountID: accountGUID, crn: "crn:v1:bluemix:public:iam-identity::a/0123456789abcdef0123456789abcdef::apikey:ApiKey-4444", createdAt: "2026-01-01T00:00+0000", locked: false))
        let request = try #require(stub.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://iam.cloud.ibm.com/v1/apikeys")
        #expect(request.bodyJSON == ["name": "kp-wizard-key", "description": "for kp", "iam_id": "iam-ServiceId-2222", "account_id": accountGUID, "store_value": false] as NSDictionary)
        #expect(request.bodyText.contains(#""store_value":false"#))
    }

    @Test func identityErrorEnvelope() async throws {
        let body = #"{"trace":"9dae","errors":[{"code":"invalid_access_token","message_code":"x","message":"The provided access token provided is invalid."}],"status_code":401}"#
        let stub = StubTransport(responses: [json(401, body)])
        let client = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.createServiceID(name: "n", description: "", accountID: accountGUID, token: try userToken()) }
        #expect(error == .server(service: .iamIdentity, status: 401, code: "invalid_access_token", message: "The provided access token provided is invalid.", requestID: "9dae"))
    }
}

@Suite struct KeyProtectTests {
    @Test func listKeysHeadersAndParse() async throws {
        let body = #"{"metadata":{"collectionType":"application/vnd.ibm.kms.key+json","collectionTotal":2},"resources":[{"id":"5555","type":"application/vnd.ibm.kms.key+json","name":"Root-key","state":1,"crn":"crn:v1:bluemix:public:kms:us-south:a/0123456789abcdef0123456789abcdef:1111:key:5555","createdBy":"iam-ServiceId-2222","creationDate":"2026-01-01T00:00:00Z","lastUpdateDate":"2026-01-01T00:00:00Z","extractable":false,"imported":false,"dualAuthDelete":{"enabled":false}},{"id":"6666","name":"std","state":5,"extractable":true}]}"#
        let stub = StubTransport(responses: [json(200, body)])
        let client = KeyProtectClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let token = try IAMTokenClient.parseToken(Data(tokenBody(serviceClaims).utf8))
        let list = try await client.listKeys(region: "us-south", instanceGUID: "1111", token: token)
        #expect(list == KeyList(collectionTotal: 2, keys: [
            KeyProtectKey(id: "5555", name: "Root-key", state: 1, extractable: false),
            KeyProtectKey(id: "6666", name: "std", state: 5, extractable: true),
        ]))
        let request = try #require(stub.requests.first)
        #expect(request.method == "GET")
        #expect(request.url.absoluteString == "https://us-south.kms.cloud.ibm.com/api/v2/keys")
        #expect(request.header("authorization") == "Bearer " + token.accessToken.exposedValue)
        #expect(request.header("bluemix-instance") == "1111")
        #expect(request.header("accept") == "application/json")
        let correlation = try #require(request.header("correlation-id"))
        #expect(UUID(uuidString: correlation) != nil)
    }

    @Test func emptyInstanceHasNoResources() async throws {
        let stub = StubTransport(responses: [json(200, #"{"metadata":{"collectionType":"application/vnd.ibm.kms.key+json","collectionTotal":0}}"#)])
        let client = KeyProtectClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let list = try await client.listKeys(region: "eu-de", instanceGUID: "1111", token: try userToken())
        #expect(list == KeyList(collectionTotal: 0, keys: []))
        #expect(stub.requests[0].url.host == "eu-de.kms.cloud.ibm.com")
    }

    @Test func emulatorStyleTemplateWithPath() async throws {
        let endpoints = try Endpoints.parse(Data(#"{"iam":"http://127.0.0.1:8080","accounts":"http://127.0.0.1:8080","resource_controller":"http://127.0.0.1:8080","key_protect":"http://127.0.0.1:8080/kms/{region}"}"#.utf8))
        let stub = StubTransport(responses: [json(200, #"{"metadata":{"collectionTotal":0}}"#)])
        _ = try await KeyProtectClient(transport: stub, endpoints: endpoints, options: noRetry()).listKeys(region: "us-south", instanceGUID: "1111", token: try userToken())
        #expect(stub.requests[0].url.absoluteString == "http://127.0.0.1:8080/kms/us-south/api/v2/keys")
    }

    @Test func errorEnvelopeUsesCorrelationHeader() async throws {
        let body = #"{"metadata":{"collectionType":"application/vnd.ibm.kms.error+json","collectionTotal":1},"resources":[{"errorMsg":"Unauthorized: The user does not have access to the specified resource","reasons":[{"code":"UNAUTHORIZED_ERR","message":"The user does not have access to the specified resource","status":401,"moreInfo":"https://cloud.ibm.com/apidocs/key-protect"}]}]}"#
        let stub = StubTransport(responses: [json(401, body, headers: ["correlation-id": "corr-1"])])
        let client = KeyProtectClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.listKeys(region: "us-south", instanceGUID: "1111", token: try userToken()) }
        #expect(error == .server(service: .keyProtect, status: 401, code: "UNAUTHORIZED_ERR", message: "Unauthorized: The user does not have access to the specified resource", requestID: "corr-1"))
    }

    @Test func badRegionOrGUIDIsRejectedLocally() async throws {
        let stub = StubTransport(responses: [json(200, "{}")])
        let client = KeyProtectClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        for (region, guid) in [("us-south/../x", "1111"), ("", "1111"), ("US_SOUTH", "1111"), ("us-south", ""), ("us-south", "11\r\nx: y")] {
            let error = await cloudError { _ = try await client.listKeys(region: region, instanceGUID: guid, token: try userToken()) }
            guard case .invalidRequest = error else { Issue.record("\(region) \(guid): \(String(describing: error))"); continue }
        }
        #expect(stub.requests.isEmpty)
    }
}
