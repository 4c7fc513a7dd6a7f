import ArgumentParser
import Foundation
import TerminalUI
import WizardApp

/// `token-wizard [wizard]`: the interactive wizard.
struct WizardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "wizard",
            abstract: HelpLanguage.text(
                "Walks you from an IBM Cloud login to a working Key Protect bearer token (the default command).",
                "IBM Cloud 로그인부터 사용 가능한 Key Protect 베어러 토큰까지 안내합니다(기본 명령)."),
            discussion: HelpLanguage.text("""
                Steps: log in (API key, SSO one-time passcode or IBMid password), choose account, region, \
                resource group and Key Protect instance, create a service ID with a Key Protect role, create \
                its API key (saved, mode 0600) and exchange it for an IAM access token (saved as token.json, \
                mode 0600). Nothing is created until you confirm the plan.

                Examples:
                  token-wizard --sandbox             # against the built-in emulator
                  token-wizard --directory ~/kp      # against IBM Cloud; files go to ~/kp
                  token-wizard --private             # through IBM's private endpoints
                  token-wizard --lang ko             # in Korean
                  IBMCLOUD_TRACE=trace.log token-wizard   # trace every HTTP call

                Environment: IBMCLOUD_API_KEY (prefills the API key), IBMCLOUD_TRACE (true for standard \
                error after the wizard ends, or a file), IBMCLOUD_HTTP_TIMEOUT (seconds per call), \
                HTTPS_PROXY, HTTP_PROXY, NO_PROXY.

                Exit status: 0 when a token was saved, 1 when you quit before the end, 2 when the wizard \
                could not start, 3 when a created API key could not be saved, 64 for a bad command line.
                """, """
                단계: 로그인(API 키, SSO 일회성 패스코드 또는 IBMid 비밀번호), 계정·지역·리소스 그룹·\
                Key Protect 인스턴스 선택, Key Protect 역할을 가진 서비스 ID 작성, 서비스 ID의 API 키 작성\
                (모드 0600으로 저장), API 키를 IAM 액세스 토큰으로 교환(token.json, 모드 0600으로 저장). \
                계획을 확인하기 전에는 아무것도 작성하지 않습니다.

                예:
                  token-wizard --sandbox             # 내장 에뮬레이터로 연습
                  token-wizard --directory ~/kp      # IBM Cloud에서, 파일은 ~/kp에 저장
                  token-wizard --private             # IBM의 사설 엔드포인트 사용
                  token-wizard --lang en             # 영어로
                  IBMCLOUD_TRACE=trace.log token-wizard   # 모든 HTTP 호출 추적

                환경 변수: IBMCLOUD_API_KEY(API 키를 미리 채움), IBMCLOUD_TRACE(true이면 마법사가 \
                끝난 뒤 표준 오류로, 아니면 파일로), IBMCLOUD_HTTP_TIMEOUT(호출당 초), HTTPS_PROXY, \
                HTTP_PROXY, NO_PROXY.

                종료 상태: 0 토큰을 저장함, 1 끝나기 전에 종료함, 2 마법사를 시작할 수 없음, \
                3 작성한 API 키를 저장할 수 없음, 64 잘못된 명령행.
                """))
    }

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp(HelpLanguage.text("Folder where the API key and token files are proposed (default: current folder).",
                                                 "API 키 파일과 토큰 파일을 제안할 폴더(기본값: 현재 폴더)."), valueName: "dir"),
            completion: .directory)
    var directory: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp(HelpLanguage.text("Language of the screens: en or ko (default: from LC_ALL, LC_MESSAGES, LANG).",
                                           "화면 언어: en 또는 ko(기본값: LC_ALL, LC_MESSAGES, LANG에 따름)."), valueName: "en|ko"))
    var language: String?

    @Option(help: ArgumentHelp(HelpLanguage.text("Append a trace of each HTTP call (method, URL, status; credentials redacted) to this file (0600).",
                                                 "각 HTTP 호출의 추적(메서드, URL, 상태, 자격 증명은 가림)을 이 파일(0600)에 덧붙입니다."), valueName: "file"),
            completion: .file())
    var trace: String?

    func validate() throws {
        if Language.resolve(flag: language, environment: [:]) == nil {
            throw ValidationError("--lang takes en (English) or ko (Korean).")
        }
    }

    func run() throws {
        var options = LaunchOptions()
        options.language = Language.resolve(flag: language, environment: ProcessInfo.processInfo.environment) ?? .english
        options.endpoints = connection.options
        options.directory = directory
        options.traceFile = trace
        do {
            let outcome = try WizardLauncher.launch(options)
            for line in outcome.summary { print(line) }
            if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
        } catch let error as LaunchError {
            FileHandle.standardError.write(Data("token-wizard: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}
