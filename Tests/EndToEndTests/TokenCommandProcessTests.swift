import CloudEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `token-wizard token` and `status` as real processes against the emulator as a real process:
/// the shared cache across processes, exit codes, conventions.
@Suite(.serialized) final class TokenCommandProcessTests {
    let directory: String
    let emulator: EmulatorProcess
    let cacheHome: String
    let key = EmulatorWorld.sandboxUserAPIKey

    init() throws {
        directory = NSTemporaryDirectory() + "tw-token-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        cacheHome = directory + "/cache"
        emulator = try EmulatorProcess(directory: directory)
    }

    deinit {
        emulator.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    var environment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory,
         "XDG_CACHE_HOME": cacheHome]
    }

    /// Starts `token-wizard ARGS` with `extra` environment; standard input is `input` (piped) or /dev/null.
    func start(_ arguments: [String], extra: [String: String] = [:], input: String? = nil) throws -> ChildProcess {
        let child = try ChildProcess(TestProcess.binDirectory + "/token-wizard", arguments,
            environment: environment.merging(extra) { $1 }, stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: .pipe)
        if let input, let fd = child.standardInput {
            // One line is all `token` reads. The descriptor is closed by ChildProcess itself; closing
            // it here too would close whatever another test opened under the same number meanwhile.
            _ = input.withCString { write(fd, $0, strlen($0)) }
        }
        return child
    }

    func run(_ arguments: [String], extra: [String: String] = [:], input: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let child = try start(arguments, extra: extra, input: input)
        let deadline = Date().addingTimeInterval(30)
        let out = try child.readToEnd(child.standardOutput!, until: deadline)
        let err = try child.readToEnd(child.standardError!, until: deadline)
        let status = try child.wait(timeout: max(1, deadline.timeIntervalSinceNow))
        return (status, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func tokenCalls() async throws -> Int {
        let (data, _) = try await URLSession.shared.data(from: URL(string: emulator.baseURL + "/_emulator/requests")!)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["requests"] as? [String: Any])?["POST /identity/token"] as? Int ?? 0
    }

    @Test func tenCallersStartedTogetherMakeOneIAMCallAndPrintTheSameToken() async throws {
        let children = try (0..<10).map { _ in try start(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": key]) }
        var outputs: [String] = []
        for child in children {
            let deadline = Date().addingTimeInterval(30)
            let out = try child.readToEnd(child.standardOutput!, until: deadline)
            let err = try child.readToEnd(child.standardError!, until: deadline)
            #expect(try child.wait(timeout: max(1, deadline.timeIntervalSinceNow)) == 0, "stderr: \(String(decoding: err, as: UTF8.self))")
            #expect(err.isEmpty)
            outputs.append(String(decoding: out, as: UTF8.self))
        }
        #expect(Set(outputs).count == 1)
        #expect(outputs[0].split(separator: ".").count == 3 && outputs[0].hasSuffix("\n"), "one JWT on one line")
        #expect(try await tokenCalls() == 1)

        let again = try run(["token", "--endpoints", emulator.endpointsFile, "--format", "header"], extra: ["IBMCLOUD_API_KEY": key])
        #expect(again.status == 0 && again.out == "Authorization: Bearer " + outputs[0])
        #expect(try await tokenCalls() == 1, "served from the cache")

        let forced = try run(["token", "--endpoints", emulator.endpointsFile, "--force"], extra: ["IBMCLOUD_API_KEY": key])
        #expect(forced.status == 0 && forced.out != outputs[0])
        #expect(try await tokenCalls() == 2)

        let files = try FileManager.default.contentsOfDirectory(atPath: cacheHome + "/token-wizard")
        for file in files {
            let text = try String(contentsOfFile: cacheHome + "/token-wizard/" + file, encoding: .utf8)
            #expect(!text.contains(key), "\(file) holds the key")
            #expect(!file.contains(key))
        }
        let status = try run(["status", "--cached", "--endpoints", emulator.endpointsFile, "--json"], extra: ["IBMCLOUD_API_KEY": key])
        #expect(status.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true && object["source"] as? String == "cache")
        #expect((object["seconds_left"] as? Int ?? 0) > 3000)
        #expect((object["iam_id"] as? String ?? "").hasPrefix("IBMid-"))
    }

    @Test func theKeyComesFromAFileOrStandardInput() throws {
        let file = directory + "/kp-apikey.json"
        try #"{"name":"kp","apikey":"\#(key)"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try run(["token", "--endpoints", emulator.endpointsFile, "--apikey-file", file, "--format", "json"])
        #expect(fromFile.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fromFile.out.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["access_token", "token_type", "expires_in", "expiration"])
        let piped = try run(["token", "--endpoints", emulator.endpointsFile, "--format", "env"], input: key + "\n")
        #expect(piped.status == 0 && piped.out.hasPrefix("export IBMCLOUD_ACCESS_TOKEN='"))
        #expect(!piped.out.contains(key) && !piped.err.contains(key))
    }

    @Test func documentedExitCodes() throws {
        let refused = try run(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": "no-such-key-0000"])
        #expect(refused.status == 4 && refused.err.contains("IAM refused the API key"))
        #expect(!refused.err.contains("no-such-key-0000"))
        let noKey = try run(["token", "--endpoints", emulator.endpointsFile])
        #expect(noKey.status == 2 && noKey.out.isEmpty)
        let missingFile = try run(["token", "--endpoints", emulator.endpointsFile, "--apikey-file", directory + "/nope.json"])
        #expect(missingFile.status == 2 && missingFile.err.contains("no API key file"))
        let closed = directory + "/closed.json"
        try #"{"iam":"http://127.0.0.1:9","accounts":"http://127.0.0.1:9","resource_controller":"http://127.0.0.1:9","key_protect":"http://127.0.0.1:9/{region}"}"#
            .write(toFile: closed, atomically: true, encoding: .utf8)
        let unreachable = try run(["token", "--endpoints", closed], extra: ["IBMCLOUD_API_KEY": key, "IBMCLOUD_HTTP_TIMEOUT": "2"])
        #expect(unreachable.status == 5 && unreachable.err.contains("no token"))
        let badTimeout = try run(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": key, "IBMCLOUD_HTTP_TIMEOUT": "soon"])
        #expect(badTimeout.status == 2 && badTimeout.err.contains("IBMCLOUD_HTTP_TIMEOUT"))
        let usage = try run(["token", "--apikey", key])
        #expect(usage.status == 64, "a key is never taken from the command line: \(usage.err)")
    }

    @Test func ibmcloudTraceGoesToStandardErrorWithCredentialsRedacted() throws {
        let traced = try run(["token", "--endpoints", emulator.endpointsFile, "--force"], extra: ["IBMCLOUD_API_KEY": key, "IBMCLOUD_TRACE": "true"])
        #expect(traced.status == 0)
        #expect(traced.err.contains("POST") && traced.err.contains("/identity/token"))
        #expect(!traced.err.contains(key))
        #expect(!traced.err.contains(traced.out.trimmingCharacters(in: .whitespacesAndNewlines)), "the token is not traced")
        let file = directory + "/trace.log"
        let toFile = try run(["token", "--endpoints", emulator.endpointsFile, "--force"], extra: ["IBMCLOUD_API_KEY": key, "IBMCLOUD_TRACE": file])
        #expect(toFile.status == 0 && toFile.err.isEmpty)
        let trace = try String(contentsOfFile: file, encoding: .utf8)
        #expect(trace.contains("/identity/token") && !trace.contains(key))
    }

    @Test func aCorruptCacheIsReplacedWithANoteNotACrash() throws {
        _ = try run(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": key])
        let folder = cacheHome + "/token-wizard"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".json") {
            try "{\"version\":1,\"access".write(toFile: folder + "/" + file, atomically: false, encoding: .utf8)
        }
        let result = try run(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": key])
        #expect(result.status == 0 && result.err.contains("was ignored and replaced: it was damaged"))
        let next = try run(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": key])
        #expect(next.status == 0 && next.err.isEmpty && next.out == result.out)
    }

    @Test func statusOfATokenFile() throws {
        let missing = try run(["status", "--directory", directory])
        #expect(missing.status == 1 && missing.err.contains("no token file"))
        let fetched = try run(["token", "--endpoints", emulator.endpointsFile, "--format", "json"], extra: ["IBMCLOUD_API_KEY": key])
        try fetched.out.write(toFile: directory + "/token.json", atomically: true, encoding: .utf8)
        let valid = try run(["status", "--directory", directory])
        #expect(valid.status == 0)
        for label in ["Token file:", "IAM ID:", "Subject:", "Account:", "Issued:", "Expires:", "Left:"] {
            #expect(valid.out.contains(label), "\(label) missing from \(valid.out)")
        }
        #expect(valid.out.contains("valid") && valid.out.contains("Z ("), "UTC, then local time")
        try "{\"access_token\":\"not a jwt\"}".write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
        #expect(try run(["status", "--token-file", directory + "/bad.json"]).status == 2)
    }

    @Test func aTokenThatCannotBeWrittenIsAFailure() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "\"$0\" token --endpoints \"$1\" > /dev/full", TestProcess.binDirectory + "/token-wizard", emulator.endpointsFile],
            environment: environment.merging(["IBMCLOUD_API_KEY": key]) { $1 }, stdout: .null, stderr: .pipe)
        let err = try child.readToEnd(child.standardError!, until: Date().addingTimeInterval(30))
        #expect(try child.wait(timeout: 30) == 2)
        #expect(String(decoding: err, as: UTF8.self).contains("could not write the token"))
    }

    @Test func statusReadsWhatTokenPrintsAndSaysWhyItCannotRead() throws {
        let bare = try run(["token", "--endpoints", emulator.endpointsFile], extra: ["IBMCLOUD_API_KEY": key])
        try bare.out.write(toFile: directory + "/bare.jwt", atomically: true, encoding: .utf8)
        #expect(try run(["status", "--token-file", directory + "/bare.jwt"]).status == 0)
        let folder = try run(["status", "--token-file", directory, "--json"])
        #expect(folder.status == 2 && folder.err.contains("Is a directory"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(folder.out.utf8)) as? [String: Any])
        #expect(object["problem"] as? String == "unreadable" && object["valid"] as? Bool == false)
    }

    @Test func internalErrorNamesDoNotReachTheUser() throws {
        _ = try run(["token", "--endpoints", emulator.endpointsFile, "--force"], extra: ["IBMCLOUD_API_KEY": key])
        var request = URLRequest(url: URL(string: emulator.baseURL + "/_emulator/faults")!)
        request.httpMethod = "POST"
        request.httpBody = Data("/identity/token=drop".utf8)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, _, _ in done.signal() }.resume()
        done.wait()
        let dropped = try run(["token", "--endpoints", emulator.endpointsFile, "--force"], extra: ["IBMCLOUD_API_KEY": key, "IBMCLOUD_HTTP_TIMEOUT": "2"])
        #expect(!dropped.err.contains("HTTPClientError") && !dropped.err.contains("Error."), "\(dropped.err)")
        // The cached token is still valid: it is printed, with a note.
        #expect(dropped.status == 0 && dropped.err.contains("IAM could not give a new token"), "\(dropped.err)")
    }

    @Test func theSandboxNeedsNoSetUp() throws {
        let result = try run(["token", "--sandbox"], extra: ["IBMCLOUD_API_KEY": key])
        #expect(result.status == 0 && result.out.split(separator: ".").count == 3)
    }
}
