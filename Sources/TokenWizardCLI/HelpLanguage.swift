import Foundation
import TerminalUI

/// The language of `--help` for the wizard's commands: `--lang ko|en` among the arguments, else
/// `LC_ALL`, `LC_MESSAGES`, `LANG` (as the screens). ArgumentParser's own headings (USAGE,
/// OPTIONS) stay as the library writes them.
enum HelpLanguage {
    /// The language help is written in; a task-local so tests can render either.
    @TaskLocal static var current: Language = resolve(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    /// `--lang X` or `--lang=X` in `arguments` wins; an unknown value falls back to the environment.
    static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var flag: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
        }
        return Language.resolve(flag: flag, environment: environment)
            ?? Language.resolve(flag: nil, environment: environment) ?? .english
    }

    /// `english` or `korean`, whichever help is written in.
    static func text(_ english: String, _ korean: String) -> String {
        current == .korean ? korean : english
    }
}
