import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The whole flow in Korean, in the real binary, with LANG=ko_KR.UTF-8 (a locale this machine never
/// generated: the terminal falls back to C.UTF-8, the words stay Korean), with both login modes.
@Suite("The wizard in Korean, both login modes", .serialized)
struct KoreanInTmuxTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tw-ko-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func command(_ emulator: EmulatorProcess) -> String {
        "env LANG=ko_KR.UTF-8 \(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)"
    }

    /// From the service ID form to the final screen, then quit; returns the screen after exit.
    func createAndFinish(_ tmux: TmuxSession) throws -> String {
        try tmux.waitFor("서비스 ID")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("Key Protect 역할")
        try tmux.waitFor("Reader")
        try tmux.send("Enter")
        try tmux.waitFor("키 저장 위치")
        for _ in 0..<4 { try tmux.send("Enter") }
        try tmux.waitFor("ibmcloud iam service-id-create")
        try tmux.send("Enter")
        try tmux.waitFor("t 토큰 복사", timeout: 60)  // the final screen's keys (the title bar names the token on every screen)
        try tmux.send("q")
        return try tmux.waitFor("EXIT=0")
    }

    @Test func apiKeyLoginInKorean() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: command(emulator), columns: 80, rows: 24)
        defer { tmux.kill() }
        let login = try tmux.waitFor("IBM Cloud에 로그인")
        #expect(!login.contains("Log in to IBM Cloud"))
        try tmux.send("Enter")
        try tmux.waitFor("API 키")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("지역 선택")
        try tmux.send("Enter")
        try tmux.waitFor("리소스 그룹 선택")
        try tmux.send("Enter")
        let after = try createAndFinish(tmux)
        #expect(after.contains("IAM 액세스 토큰을") && after.contains("저장했습니다"), "the exit summary is Korean")
        #expect(FileManager.default.fileExists(atPath: directory + "/token.json"))
    }

    @Test func ssoPasscodeLoginInKorean() async throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: command(emulator), columns: 80, rows: 24)
        defer { tmux.kill() }
        try tmux.waitFor("IBM Cloud에 로그인")
        try tmux.send("Tab")
        try tmux.waitFor(emulator.baseURL + "/identity/passcode")
        var request = URLRequest(url: URL(string: emulator.baseURL + "/identity/passcode")!)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, _) = try await URLSession.shared.data(for: request)
        let passcode = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["passcode"] as? String)
        try tmux.type(passcode)
        try tmux.send("Enter")
        try tmux.waitFor("계정 선택")
        try tmux.waitFor("Sandbox Production")
        try tmux.send("Down")
        try tmux.send("Enter")
        try tmux.waitFor("지역 선택")
        try tmux.type("eu-de")
        try tmux.send("Enter")
        try tmux.waitFor("리소스 그룹 선택")
        try tmux.send("Enter")
        try tmux.waitFor("Key Protect-prod")
        try tmux.send("Enter")
        let after = try createAndFinish(tmux)
        #expect(after.contains("저장했습니다"))
    }
}
