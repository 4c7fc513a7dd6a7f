import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `token-wizard` binary in a real terminal (tmux), against the real `ibmcloud-emulator`
/// binary, from login to the final screen; then the saved token is used on Key Protect.
@Suite("token-wizard in tmux against ibmcloud-emulator", .serialized)
struct WizardInTmuxTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tw-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func wizardCommand(_ emulator: EmulatorProcess) -> String {
        "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory) --trace \(directory)/trace.log"
    }

    @Test func apiKeyLoginToFinalScreenAndTheTokenWorks() async throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }

        try tmux.waitFor("Log in to IBM Cloud")
        // Bad input first: nothing typed, then a wrong key.
        try tmux.send("Enter")
        try tmux.waitFor("Enter an API key first.")
        try tmux.type("not-a-real-key-000000000000000000000000")
        try tmux.send("Enter")
        try tmux.waitFor("IAM did not accept this API key")
        try tmux.send("C-u")
        try tmux.type(" sandbox-user-apikey-0000000000000000000000000001 ")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        #expect(try tmux.screen().contains("Sandbox Development chosen for you"))
        try tmux.send("Enter")
        try tmux.waitFor("Choose the resource group")
        try tmux.send("Enter")
        // Default holds one instance in us-south: it is chosen, and the screen says so.
        try tmux.waitFor("A service ID is the identity")
        #expect(try tmux.screen().contains("Only one Key Protect instance in Default here: Key Protect-dev, chosen for you"))
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("› Reader")
        try tmux.send("Enter")
        try tmux.waitFor("Save key to")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.send("Enter")
        // The plan: nothing exists yet; `s` saves the equivalent commands, Enter creates.
        let plan = try tmux.waitFor("Nothing is created until you press Enter")
        #expect(plan.contains("Review, then create"))
        #expect(plan.contains("create token-wizard-key-protect-dev in Sandbox Development"))
        #expect(plan.contains("ibmcloud iam service-id-create token-wizard-key-protect-dev"))
        #expect(plan.contains("ibmcloud iam service-policy-create"))
        try tmux.send("s")
        let scriptPath = directory + "/token-wizard-key-protect-dev-commands.sh"
        try tmux.waitFor("Saved the equivalent commands to \(scriptPath)")
        let script = try String(contentsOfFile: scriptPath, encoding: .utf8)
        #expect(script.hasPrefix("#!/bin/sh"))
        #expect(script.contains("--roles Reader --service-name kms --service-instance "))
        #expect(script.contains("ibmcloud iam service-api-key-create token-wizard-key-protect-dev-key token-wizard-key-protect-dev"))
        #expect(!script.contains("sandbox-user-apikey"), "no secret in the script")
        try tmux.send("Enter")
        let final = try tmux.waitFor("Your Key Protect bearer token")
        #expect(final.contains("Bearer ••••"))
        #expect(final.contains("Sandbox Development"))
        // While it runs on the final screen: its command line and environment.
        let pid = try tmux.wizardPID()
        let cmdline = try readProcFile("/proc/\(pid)/cmdline")
        let environ = try readProcFile("/proc/\(pid)/environ")
        #expect(cmdline.contains("--trace") && environ.contains("TERM=xterm-256color"), "read the wizard's own /proc files")
        #expect(final.contains("Issued:") && final.contains("UTC · expires"))
        // Copy (OSC 52 through tmux): a countdown offers to clear the clipboard; x clears it now.
        try tmux.send("c")
        try tmux.waitFor("The clipboard is cleared in")
        try tmux.send("x")
        try tmux.waitFor("Clipboard cleared (OSC 52")
        // Test now: the wizard itself calls Key Protect with the token.
        try tmux.send("k")
        try tmux.waitFor("Key Protect accepted the token")
        try tmux.send("v")
        try tmux.waitFor("Bearer eyJ")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        try checkTerminalRestored(tmux)
        // The trace has every call.
        let trace = try String(contentsOfFile: directory + "/trace.log", encoding: .utf8)
        #expect(trace.contains("/identity/token") && trace.contains("/v1/apikeys") && trace.contains("/api/v2/keys"))
        #expect((try FileManager.default.attributesOfItem(atPath: directory + "/trace.log")[.posixPermissions] as? Int) == 0o600)

        // No secret in any channel: the whole pane with scrollback (the wizard ran on the
        // alternate screen; the exit summary prints paths only), the trace, every other file in
        // the folder, and the process's command line and environment.
        let saved = try savedSecrets()
        var secrets = [
            ("login API key", "sandbox-user-apikey-0000000000000000000000000001"),
            ("rejected API key", "not-a-real-key-0000"),
            ("service ID API key", saved.apiKey),
            ("access token", saved.accessToken),
            // The signature alone is unique to this token (a JWT header is shared by all).
            ("access token signature", String(saved.accessToken.split(separator: ".").last ?? "")),
        ]
        if let refresh = saved.refreshToken, refresh != "not_supported" { secrets.append(("refresh token", refresh)) }
        #expect(secrets.contains { $0.0 == "refresh token" }, "token.json has a real refresh token to look for")
        var channels = [
            ("tmux scrollback", try tmux.scrollback(lines: 2000)),
            ("trace file", trace),
            ("/proc/PID/cmdline", cmdline),
            ("/proc/PID/environ", environ),
        ]
        #expect(channels[0].1.contains("EXIT=0") && channels[0].1.contains("token.json"), "the scrollback was captured")
        let files = try FileManager.default.subpathsOfDirectory(atPath: directory)
        let keyFile = try #require(files.first { $0.hasSuffix("-apikey.json") })
        for file in files where file != keyFile && file != "token.json" && file != "trace.log" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))
            channels.append(("file " + file, String(decoding: data, as: UTF8.self)))
        }
        #expect(channels.contains { $0.0 == "file endpoints.json" }, "the other files were read: \(files)")
        for (channel, text) in channels {
            for (name, secret) in secrets where !secret.isEmpty {
                #expect(!text.contains(secret), "the \(name) leaks through \(channel)")
            }
        }

        try await checkSavedFilesAndToken(emulator: emulator, instanceGUID: "11111111-1111-4111-8111-000000000001", region: "us-south")
    }

    @Test func ssoPasscodeLoginToFinalScreenAndTheTokenWorks() async throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }

        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.send("Tab")
        try tmux.waitFor(emulator.baseURL + "/identity/passcode")
        let passcode = try await fetchPasscode(emulator)
        try tmux.type(passcode)
        try tmux.send("Enter")
        try tmux.waitFor("Choose the account")
        try tmux.waitFor("Sandbox Production")
        try tmux.send("Down")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.type("eu-de")
        try tmux.waitFor("1 of 13 regions")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the resource group")
        try tmux.send("Enter")
        try tmux.waitFor("Key Protect-prod")
        try tmux.send("Enter")
        try tmux.waitFor("A service ID is the identity")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("› Reader")
        try tmux.send("Enter")
        try tmux.waitFor("Save key to")
        for _ in 0..<4 { try tmux.send("Enter") }
        try tmux.waitFor("Nothing is created until you press Enter")
        try tmux.send("Enter")
        let final = try tmux.waitFor("Your Key Protect bearer token")
        #expect(final.contains("Sandbox Production"))
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        try checkTerminalRestored(tmux)

        try await checkSavedFilesAndToken(emulator: emulator, instanceGUID: nil, region: "eu-de")
    }

    @Test func ownTokenPathCreatesNothingAndTheTokenWorks() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the resource group")
        try tmux.send("Enter")
        try tmux.waitFor("Ctrl-O uses your own")
        try tmux.send("C-o")
        try tmux.waitFor("your own user token")
        try tmux.send("k")
        try tmux.waitFor("Key Protect accepted the token")
        try tmux.send("q")
        let after = try tmux.waitFor("EXIT=0")
        #expect(!after.contains("Created service ID"))
        let token = try String(contentsOfFile: directory + "/token.json", encoding: .utf8)
        #expect(token.contains("access_token") && !token.contains("refresh_token"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix("-apikey.json") }.isEmpty)
    }

    @Test func ctrlCQuitsAndRestoresTheTerminal() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("half-typed")
        try tmux.send("C-c")
        // Exit status 1: left before the end (0 is kept for "a token was saved").
        let after = try tmux.waitFor("EXIT=1")
        #expect(after.contains("Nothing was created."))
        #expect(!after.contains("half-typed"))
        try checkTerminalRestored(tmux)
    }

    // MARK: Checks

    @Test func ibmidPasswordWithASecondFactorLogsIn() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.send("Tab")
        try tmux.waitFor("Ctrl-O")
        try tmux.send("Tab")
        try tmux.waitFor("Not for federated")
        try tmux.type("federated.user@example.com")
        try tmux.send("Enter")
        try tmux.type("whatever")
        try tmux.send("Enter")
        try tmux.waitFor("This IBMid is federated")
        try tmux.send("Up")
        try tmux.send("C-u")
        try tmux.type("mfa.user@example.com")
        try tmux.send("Down")
        try tmux.send("C-u")
        try tmux.type("mfa-password")
        try tmux.send("Enter")
        try tmux.waitFor("Your account needs a second factor.")
        try tmux.type("123456")
        try tmux.send("Enter")
        let region = try tmux.waitFor("Choose the region")
        #expect(!region.contains("mfa-password"))
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
        #expect(!(try tmux.screen().contains("mfa-password")))
    }

    @Test func goingBackAfterAFailedPolicyDeletesTheNewServiceID() async throws {
        let emulator = try EmulatorProcess(directory: directory, extraArguments: ["--fault", "/v1/policies=500@1"])
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the resource group")
        try tmux.send("Enter")
        try tmux.waitFor("A service ID is the identity")
        try tmux.send("C-u")
        try tmux.type("go-back-test")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("› Reader")
        try tmux.send("Enter")
        try tmux.waitFor("Save key to")
        for _ in 0..<4 { try tmux.send("Enter") }
        try tmux.waitFor("Nothing is created until you press Enter")
        try tmux.send("Enter")
        try tmux.waitFor("✗ ")  // the policy create failed (500); the service ID exists
        #expect(try await serviceIDs(named: "go-back-test", emulator: emulator).count == 1)
        try tmux.send("Escape")
        try tmux.waitFor("Created so far: service ID go-back-test.")
        try tmux.send("d")
        try tmux.waitFor("nothing is left behind")
        #expect(try await serviceIDs(named: "go-back-test", emulator: emulator).isEmpty, "deleted in IBM Cloud")
        #expect(try tmux.screen().contains("Save key to"), "back on the form")
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }

    @Test func theNextStartCarriesOnWhereTheLastRunStopped() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let first = try TmuxSession(command: wizardCommand(emulator))
        defer { first.kill() }
        try first.waitFor("Log in to IBM Cloud")
        try first.type("sandbox-user-apikey-0000000000000000000000000001")
        try first.send("Enter")
        try first.waitFor("Choose the region")
        try first.send("Enter")
        try first.waitFor("Choose the resource group")
        try first.send("Enter")
        try first.waitFor("A service ID is the identity")
        try first.send("C-u")
        try first.type("resume-test")
        try first.send("Enter")
        try first.send("Enter")
        try first.waitFor("› Reader")
        try first.send("C-c")
        try first.waitFor("EXIT=1")
        let file = directory + "/.token-wizard-progress.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("resume-test"))
        #expect(!saved.contains("sandbox-user-apikey"), "no secret in the checkpoint")

        let second = try TmuxSession(command: wizardCommand(emulator))
        defer { second.kill() }
        try second.waitFor("↻ Log in to carry on from the last run")
        #expect(try second.screen().contains("Sandbox Development · us-south · Key Protect-dev · service ID resume-test"))
        try second.type("sandbox-user-apikey-0000000000000000000000000001")
        try second.send("Enter")
        let role = try second.waitFor("Carried on from the last run")
        #expect(role.contains("Key Protect role for the service ID"), "straight back to the role step")
        // The note may wrap (it is no longer cut at the screen's edge): compare its words.
        let words = role.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Key Protect-dev · service ID resume-test"))
        try second.send("C-c")
        try second.waitFor("EXIT=1")
    }

    /// Reuse of an existing service ID, the login expiring on the way, help, the Manager
    /// confirmation, an existing policy, and `r` on the final screen, in the real binary.
    @Test func reuseExpiryHelpManagerAndRefresh() throws {
        let emulator = try EmulatorProcess(directory: directory, extraArguments: ["--fault", "/v2/roles=expire@1"])
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator))
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the resource group")
        try tmux.send("Enter")
        try tmux.waitFor("A service ID is the identity")
        try tmux.send("C-u")
        try tmux.type("legacy-kp-reader")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("A service ID named legacy-kp-reader already exists.")
        try tmux.send("Enter")  // reuse it
        // The roles call finds the session expired: log in again, back to the role step.
        try tmux.waitFor("Your IBM Cloud login has expired.")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("› Reader")
        try tmux.send("?")
        try tmux.waitFor("Manager: everything, including deleting keys")
        try tmux.send("x")
        try tmux.waitFor("› Reader")
        try tmux.send("Up")
        try tmux.send("Up")
        try tmux.send("Enter")
        try tmux.waitFor("Press Enter again to give Manager")
        try tmux.send("Down")
        try tmux.send("Down")
        try tmux.send("Enter")
        try tmux.waitFor("Save key to")
        for _ in 0..<4 { try tmux.send("Enter") }
        let plan = try tmux.waitFor("Nothing is created until you press Enter")
        #expect(plan.contains("reuse legacy-kp-reader"))
        try tmux.send("Enter")
        try tmux.waitFor("Your Key Protect bearer token")
        try tmux.send("r")
        try tmux.waitFor("Getting a new token")
        try tmux.waitFor("k test")
        try tmux.send("k")
        try tmux.waitFor("Key Protect accepted the token")
        try tmux.send("q")
        let done = try tmux.waitFor("EXIT=0")
        #expect(!done.contains("Created service ID"), "the service ID was reused, not created")
    }

    /// Service IDs named `name` in the sandbox development account, asked of the emulator directly.
    func serviceIDs(named name: String, emulator: EmulatorProcess) async throws -> [Any] {
        var login = URLRequest(url: URL(string: emulator.baseURL + "/identity/token")!)
        login.httpMethod = "POST"
        login.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        login.httpBody = Data("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=sandbox-user-apikey-0000000000000000000000000001".utf8)
        let (loginData, _) = try await URLSession.shared.data(for: login)
        let token = try #require((try JSONSerialization.jsonObject(with: loginData) as? [String: Any])?["access_token"] as? String)
        let account = try #require(decodeClaims(token)["account"] as? [String: Any])["bss"] as? String ?? ""
        var list = URLRequest(url: URL(string: emulator.baseURL + "/v1/serviceids/?account_id=\(account)&name=\(name)")!)
        list.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (listed, _) = try await URLSession.shared.data(for: list)
        return try #require((try JSONSerialization.jsonObject(with: listed) as? [String: Any])?["serviceids"] as? [Any])
    }

    func savedSecrets() throws -> (apiKey: String, accessToken: String, refreshToken: String?) {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        let keyFile = try #require(files.first { $0.hasSuffix("-apikey.json") })
        let key = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + keyFile))) as? [String: Any]
        let token = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/token.json"))) as? [String: Any]
        return (try #require(key?["apikey"] as? String), try #require(token?["access_token"] as? String),
                token?["refresh_token"] as? String)
    }

    /// A /proc file (size 0 to stat, so read to EOF), NULs turned into newlines.
    func readProcFile(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw TestFailure("open \(path): errno \(errno)") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes.map { $0 == 0 ? 0x0A : $0 }, as: UTF8.self)
    }

    /// `stty -a` after the wizard: echo and canonical mode are back on.
    func checkTerminalRestored(_ tmux: TmuxSession) throws {
        // The local-mode line of `stty -a` is printed last; "echoctl" is on it either way.
        let screen = try tmux.waitFor("echoctl")
        let words = screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        #expect(words.contains("icanon"), "canonical mode restored")
        #expect(words.contains("echo"), "echo restored")
        #expect(!words.contains("-icanon") && !words.contains("-echo"))
    }

    func fetchPasscode(_ emulator: EmulatorProcess) async throws -> String {
        var request = URLRequest(url: URL(string: emulator.baseURL + "/identity/passcode")!)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try #require(object?["passcode"] as? String)
    }

    /// Files are 0600, the key file has what `ibmcloud … --file` writes, and the saved token lists
    /// keys on the emulator's Key Protect.
    func checkSavedFilesAndToken(emulator: EmulatorProcess, instanceGUID: String?, region: String) async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        let keyFile = try #require(files.first { $0.hasSuffix("-apikey.json") }, "key file in \(files)")
        for name in [keyFile, "token.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name) is 0600")
        }
        let key = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + keyFile))) as? [String: Any]
        for field in ["name", "description", "apikey", "createdAt"] { #expect(key?[field] != nil, "key file has \(field)") }
        let token = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/token.json"))) as? [String: Any]
        let accessToken = try #require(token?["access_token"] as? String)
        #expect(token?["token_type"] as? String == "Bearer")
        #expect((token?["expires_in"] as? Int ?? 0) > 0)

        // The instance: given, or looked up by name in the token's account (the world is known).
        let guid: String
        if let instanceGUID { guid = instanceGUID } else {
            guid = try await findInstance(named: "Key Protect-prod", emulator: emulator, token: accessToken)
        }
        var request = URLRequest(url: URL(string: "\(emulator.baseURL)/kms/\(region)/api/v2/keys")!)
        request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization")
        request.setValue(guid, forHTTPHeaderField: "bluemix-instance")
        request.setValue("application/vnd.ibm.collection+json", forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode
        #expect(status == 200, "Key Protect answered \(String(decoding: data, as: UTF8.self))")
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let metadata = body?["metadata"] as? [String: Any]
        #expect(metadata?["collectionType"] as? String == "application/vnd.ibm.kms.key+json")

        // The same call without the token is refused: the check above is not a rubber stamp.
        var anonymous = request
        anonymous.setValue(nil, forHTTPHeaderField: "Authorization")
        let (_, refused) = try await URLSession.shared.data(for: anonymous)
        #expect((refused as? HTTPURLResponse)?.statusCode != 200)
    }

    func findInstance(named name: String, emulator: EmulatorProcess, token: String) async throws -> String {
        // Look it up as the sandbox user, scoped to the service ID's account.
        var tokenRequest = URLRequest(url: URL(string: emulator.baseURL + "/identity/token")!)
        tokenRequest.httpMethod = "POST"
        tokenRequest.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        tokenRequest.httpBody = Data("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Apasscode&passcode=\(try await fetchPasscode(emulator))".utf8)
        tokenRequest.setValue("Basic Yng6Yng=", forHTTPHeaderField: "Authorization")
        let (tokenData, _) = try await URLSession.shared.data(for: tokenRequest)
        let user = try JSONSerialization.jsonObject(with: tokenData) as? [String: Any]
        let refresh = try #require(user?["refresh_token"] as? String)
        let claims = try decodeClaims(token)
        let account = try #require((claims["account"] as? [String: Any])?["bss"] as? String)
        var scope = tokenRequest
        scope.httpBody = Data("grant_type=refresh_token&refresh_token=\(refresh)&account=\(account)".utf8)
        let (scopedData, _) = try await URLSession.shared.data(for: scope)
        let scoped = try #require((try JSONSerialization.jsonObject(with: scopedData) as? [String: Any])?["access_token"] as? String)
        var list = URLRequest(url: URL(string: emulator.baseURL + "/v2/resource_instances?account_id=\(account)")!)
        list.setValue("Bearer \(scoped)", forHTTPHeaderField: "Authorization")
        let (listData, _) = try await URLSession.shared.data(for: list)
        let resources = (try JSONSerialization.jsonObject(with: listData) as? [String: Any])?["resources"] as? [[String: Any]] ?? []
        return try #require(resources.first { $0["name"] as? String == name }?["guid"] as? String)
    }

    func decodeClaims(_ jwt: String) throws -> [String: Any] {
        let parts = jwt.split(separator: ".")
        var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.count % 4 != 0 { payload += "=" }
        let data = try #require(Data(base64Encoded: payload))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
