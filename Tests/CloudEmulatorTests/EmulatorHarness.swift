import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CloudEmulator

/// One HTTP answer, with the body parsed as JSON on demand (raw dictionaries: no client types).
struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let text: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
}

/// Drives an in-process emulator through Hummingbird's router test client.
struct Cloud: Sendable {
    static let devAccount = EmulatorWorld.StandardIDs.developmentAccount
    static let prodAccount = EmulatorWorld.StandardIDs.productionAccount
    static let otherAccount = EmulatorWorld.StandardIDs.otherAccount
    static let devKP = EmulatorWorld.StandardIDs.devKeyProtectUSSouth
    static let apiKeyGrant = "urn:ibm:params:oauth:grant-type:apikey"
    static let passcodeGrant = "urn:ibm:params:oauth:grant-type:passcode"
    static let basicBX = "Basic " + Data("bx:bx".utf8).base64EncodedString()

    let client: any TestClientProtocol
    let clock: EmulatorClock
    let server: EmulatorCore

    func send(
        _ method: HTTPRequest.Method, _ path: String, headers: [String: String] = [:], body: String? = nil
    ) async throws -> Reply {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        let response = try await client.execute(
            uri: path, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
    }

    func get(_ path: String, token: String?, headers: [String: String] = [:]) async throws -> Reply {
        var headers = headers
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return try await send(.get, path, headers: headers)
    }

    func sendJSON(_ method: HTTPRequest.Method, _ path: String, token: String, json: [String: Any], headers: [String: String] = [:]) async throws -> Reply {
        let data = try JSONSerialization.data(withJSONObject: json)
        var headers = headers
        headers["Authorization"] = "Bearer \(token)"
        headers["Content-Type"] = "application/json"
        return try await send(method, path, headers: headers, body: String(decoding: data, as: UTF8.self))
    }

    /// `POST /identity/token` with a form body.
    func tokenRequest(_ fields: [(String, String)], basic: Bool = false) async throws -> Reply {
        let body = fields.map { "\($0.0)=\(queryEscape($0.1))" }.joined(separator: "&")
        var headers = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        if basic { headers["Authorization"] = Self.basicBX }
        return try await send(.post, "/identity/token", headers: headers, body: body)
    }

    /// The sandbox user's access token (API-key grant, first account).
    func userToken() async throws -> String {
        let reply = try await tokenRequest([("grant_type", Self.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)])
        try #require(reply.status == 200, "token request failed: \(reply.text)")
        return try #require(reply.json["access_token"] as? String)
    }

    /// A fresh passcode for the sandbox user from the passcode page (JSON form).
    func passcode() async throws -> String {
        let reply = try await send(.get, "/identity/passcode", headers: ["Accept": "application/json"])
        try #require(reply.status == 200)
        return try #require(reply.json["passcode"] as? String)
    }
}

/// Runs `body` against a fresh in-process emulator (standard world, clock fixed at 2026-01-01).
func withEmulator(
    tokenTTL: Int = 3600, world: EmulatorWorld = .standard, _ body: @Sendable (Cloud) async throws -> Void
) async throws {
    let clock = EmulatorClock(fixed: Date(timeIntervalSince1970: 1_767_225_600))
    let core = try await EmulatorCore(configuration: EmulatorConfiguration(tokenTTL: tokenTTL, world: world, clock: clock))
    core.setBaseURL("http://127.0.0.1:9999")
    let app = EmulatorApplication.make(core: core)
    try await app.test(.router) { client in
        try await body(Cloud(client: client, clock: clock, server: core))
    }
}

/// The decoded payload (middle segment) of a JWT.
func jwtClaims(_ token: String) throws -> [String: Any] {
    let parts = token.split(separator: ".")
    try #require(parts.count == 3)
    var base64 = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    let data = try #require(Data(base64Encoded: base64))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// `errors[0]` of an IAM Identity / Policy envelope.
func firstError(_ reply: Reply) -> [String: Any] {
    ((reply.json["errors"] as? [[String: Any]])?.first) ?? [:]
}

/// `resources[0].reasons[0]` of a Key Protect error envelope.
func keyProtectReason(_ reply: Reply) -> [String: Any] {
    let resource = (reply.json["resources"] as? [[String: Any]])?.first
    return (resource?["reasons"] as? [[String: Any]])?.first ?? [:]
}
