import ArgumentParser
import Foundation
import TerminalUI
import WizardApp

/// `token-wizard [wizard]`: the interactive wizard.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Walks you from an IBM Cloud login to a working Key Protect bearer token (the default command).",
        discussion: """
            Steps: log in (API key, SSO one-time passcode or IBMid password), choose account, region, \
            resource group and Key Protect instance, create a service ID with a Key Protect role, create \
            its API key (saved, mode 0600) and exchange it for an IAM access token (saved as token.json, \
            mode 0600). Nothing is created until you confirm the plan.

            Examples:
              token-wizard --sandbox             # against the built-in emulator
              token-wizard --directory ~/kp      # against IBM Cloud; files go to ~/kp
              token-wizard --private             # through IBM's private endpoints
              IBMCLOUD_TRACE=trace.log token-wizard   # trace every HTTP call

            Environment: IBMCLOUD_API_KEY (prefills the API key), IBMCLOUD_TRACE (true for standard \
            error after the wizard ends, or a file), IBMCLOUD_HTTP_TIMEOUT (seconds per call), \
            HTTPS_PROXY, HTTP_PROXY, NO_PROXY.

            Exit status: 0 when a token was saved, 1 when you quit before the end, 2 when the wizard \
            could not start, 3 when a created API key could not be saved, 64 for a bad command line.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Folder where the API key and token files are proposed (default: current folder).", valueName: "dir"),
            completion: .directory)
    var directory: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the screens: en or ko (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "en|ko"))
    var language: String?

    @Option(help: ArgumentHelp("Append a trace of each HTTP call (method, URL, status; credentials redacted) to this file (0600).", valueName: "file"),
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
