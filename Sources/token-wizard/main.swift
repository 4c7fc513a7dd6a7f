import ArgumentParser
import Foundation
import WizardApp

/// `token-wizard`: from an IBM Cloud login to a working Key Protect bearer token.
struct TokenWizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token-wizard",
        abstract: "Walks you from an IBM Cloud login to a working Key Protect bearer token.",
        discussion: """
            Exit status: 0 when a token was saved, 1 when you quit before the end, 2 when the wizard \
            could not start, 3 when a created API key could not be saved.

            Steps: log in (API key or SSO one-time passcode), choose account, region, resource group and \
            Key Protect instance, create a service ID with a Key Protect role, create its API key (saved, \
            mode 0600) and exchange it for an IAM access token (saved as token.json, mode 0600).
            Try it safely first with --sandbox: an emulator of IBM Cloud on 127.0.0.1.
            """)

    @Flag(help: "Run against the built-in IBM Cloud emulator on 127.0.0.1 (nothing real is touched).")
    var sandbox = false

    @Option(help: ArgumentHelp("JSON file with the endpoints to use instead of IBM Cloud's.", valueName: "file"))
    var endpoints: String?

    @Flag(help: "Allow an endpoints file that points outside cloud.ibm.com and loopback.")
    var allowCustomEndpoints = false

    @Option(help: ArgumentHelp("Folder where the API key and token files are proposed (default: current folder).", valueName: "dir"))
    var directory: String?

    @Option(help: ArgumentHelp("Append a trace of each HTTP call (method, URL, status; credentials redacted) to this file (0600).", valueName: "file"))
    var trace: String?

    func validate() throws {
        if sandbox && endpoints != nil { throw ValidationError("--sandbox and --endpoints exclude each other.") }
    }

    func run() throws {
        var options = LaunchOptions()
        options.sandbox = sandbox
        options.endpointsFile = endpoints
        options.allowCustomEndpoints = allowCustomEndpoints
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

TokenWizardCommand.main()
