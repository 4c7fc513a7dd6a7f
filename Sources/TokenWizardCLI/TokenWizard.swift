import ArgumentParser

/// `token-wizard`: from an IBM Cloud login to a working Key Protect bearer token, and a valid
/// token on demand afterwards. The wizard is the default command.
public struct TokenWizard: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "token-wizard",
        abstract: HelpLanguage.text("From an IBM Cloud login to a working Key Protect bearer token.",
                                    "IBM Cloud 로그인부터 사용 가능한 Key Protect 베어러 토큰까지."),
        discussion: HelpLanguage.text("""
            Without a command, runs the wizard (see `token-wizard wizard --help`).

            Examples:
              token-wizard --sandbox            # the wizard, against the built-in emulator
              token-wizard --directory ~/kp     # the wizard, against IBM Cloud
              token-wizard token --apikey-file ~/kp/kp-apikey.json
              token-wizard status --directory ~/kp

            Shell completions: token-wizard --generate-completion-script bash|zsh|fish
            """, """
            명령 없이 실행하면 마법사를 시작합니다(`token-wizard wizard --help` 참조).

            예:
              token-wizard --sandbox            # 내장 에뮬레이터로 마법사 실행
              token-wizard --directory ~/kp     # IBM Cloud에서 마법사 실행
              token-wizard token --apikey-file ~/kp/kp-apikey.json
              token-wizard status --directory ~/kp

            셸 자동 완성: token-wizard --generate-completion-script bash|zsh|fish
            """),
        subcommands: [WizardCommand.self, TokenCommand.self, StatusCommand.self],
        defaultSubcommand: WizardCommand.self)
    }

    public init() {}
}

/// Exit codes of `token` and `status`, for scripts (the wizard's are in `WizardCommand`).
enum ExitStatus {
    /// A token was printed, or `status` found a valid token.
    static let success: Int32 = 0
    /// `status`: the token has expired or there is none.
    static let expiredOrMissing: Int32 = 1
    /// Bad input: no API key, an unreadable key, token or endpoints file, a bad environment value.
    static let badInput: Int32 = 2
    /// IAM refused the API key (unknown, disabled or deleted key; 400/401/403).
    static let refused: Int32 = 4
    /// IAM could not be reached or failed (connection, time-out, 429 or 5xx after retries).
    static let unreachable: Int32 = 5
}
