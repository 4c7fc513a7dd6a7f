import Testing
@testable import TerminalUI
@testable import WizardCore

/// The script the plan saves speaks the user's language in its comments; the commands stay.
@Suite struct PlanScriptLanguageTests {
    func script(_ strings: any Strings) -> String {
        var environment = WizardEnvironment(workingDirectory: "/home/u")
        environment.planComments = strings.planComments
        return PlanScript.script(for: WizardState(environment: environment))
    }

    @Test func koreanComments() {
        let korean = script(Korean())
        #expect(korean.contains("# 서비스 ID를 작성합니다"))
        #expect(korean.contains("# API 키를 IAM 액세스 토큰으로 교환합니다"))
        #expect(korean.contains("umask 077  # 키 파일과 토큰 파일은"))
        #expect(!korean.contains("Create the service ID"))
        let english = script(English())
        #expect(english.contains("# Create the service ID"))
        // The commands are the same in both languages.
        let commands = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("umask") } }
        #expect(commands(korean) == commands(english))
    }
}
