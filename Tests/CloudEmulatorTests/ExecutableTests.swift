import AsyncHTTPClient
import NIOCore
import Foundation
import TestSupport
import Testing

@testable import CloudEmulator

/// The built `ibmcloud-emulator` next to the test bundle (SwiftPM puts both in the same folder).
private let emulatorBinary: URL? = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = directory.appendingPathComponent("ibmcloud-emulator")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return nil
}()

@Suite("ibmcloud-emulator executable and live faults")
struct ExecutableTests {
    @Test(
        "serve prints exactly 'listening on …' first, writes the endpoints file, and exits 0 on SIGINT",
        .enabled(if: emulatorBinary != nil, "ibmcloud-emulator is not built next to the tests"))
    func serveCommand() async throws {
        let binary = try #require(emulatorBinary)
        let endpoints = FileManager.default.temporaryDirectory.appendingPathComponent("endpoints-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: endpoints) }
        let process = try ChildProcess(binary.path, ["serve", "--port", "0", "--token-ttl", "5", "--write-endpoints", endpoints.path],
                                       stdout: .pipe, stderr: .pipe)
        defer { process.signal(SIGKILL); _ = try? process.wait(timeout: 5) }
        let line = try process.readLine(process.standardOutput!)
        let match = line.wholeMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/)
        #expect(match != nil, "first line was '\(line)'")
        let port = match.map { String($0.1) } ?? "0"

        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: endpoints)) as? [String: String])
        #expect(file["iam"] == "http://127.0.0.1:\(port)")
        #expect(file["key_protect"] == "http://127.0.0.1:\(port)/kms/{region}")

        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/identity/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(.init(string: "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=\(EmulatorWorld.sandboxUserAPIKey)"))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 200)

        process.signal(SIGINT)
        #expect(try process.wait(timeout: 10) == 0)
        let deadline = Date().addingTimeInterval(10)
        let rest = try process.readToEnd(process.standardOutput!, until: deadline)
        #expect(rest.isEmpty, "unexpected stdout: \(String(decoding: rest, as: UTF8.self))")
        #expect(try process.readToEnd(process.standardError!, until: deadline).isEmpty)
    }

    @Test("A drop fault closes the connection without an answer; slow delays the answer")
    func dropAndSlowLive() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration())
        server.install(try EmulatorFault.parse("/identity/.well-known=drop@1"))
        let url = server.baseURL + "/identity/.well-known/openid-configuration"
        await #expect(throws: (any Error).self) {
            _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
        }
        let recovered = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5))
        #expect(recovered.status.code == 200)

        server.install(try EmulatorFault.parse("/identity/keys=slow:0.3@1"))
        let start = Date()
        let slow = try await HTTPClient.shared.execute(HTTPClientRequest(url: server.baseURL + "/identity/keys"), timeout: .seconds(5))
        #expect(slow.status.code == 200)
        #expect(Date().timeIntervalSince(start) >= 0.3)
        await server.shutdown()
    }

    @Test("A lost fault carries the create out and then drops the answer: the service ID exists")
    func lostResponseLive() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration())
        var login = HTTPClientRequest(url: server.baseURL + "/identity/token")
        login.method = .POST
        login.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        login.body = .bytes(ByteBuffer(string: "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=\(EmulatorWorld.sandboxUserAPIKey)"))
        let loginReply = try await HTTPClient.shared.execute(login, timeout: .seconds(10))
        let body = try await loginReply.body.collect(upTo: 1 << 20)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["access_token"] as? String)
        let account = EmulatorWorld.StandardIDs.developmentAccount

        server.install(try EmulatorFault.parse("/v1/serviceids=lost@1"))
        var create = HTTPClientRequest(url: server.baseURL + "/v1/serviceids/")
        create.method = .POST
        create.headers.add(name: "Authorization", value: "Bearer \(token)")
        create.headers.add(name: "Content-Type", value: "application/json")
        create.body = .bytes(ByteBuffer(string: #"{"account_id":"\#(account)","name":"lost-answer"}"#))
        await #expect(throws: (any Error).self) {
            _ = try await HTTPClient.shared.execute(create, timeout: .seconds(5))
        }
        var list = HTTPClientRequest(url: server.baseURL + "/v1/serviceids/?account_id=\(account)&name=lost-answer")
        list.headers.add(name: "Authorization", value: "Bearer \(token)")
        let listed = try await HTTPClient.shared.execute(list, timeout: .seconds(5))
        let ids = (try JSONSerialization.jsonObject(with: Data(buffer: try await listed.body.collect(upTo: 1 << 20))) as? [String: Any])?["serviceids"] as? [Any]
        #expect(ids?.count == 1, "the create happened although its answer was lost")
        await server.shutdown()
    }
}
