import ArgumentParser
import CloudCore
import TerminalUI
import WizardApp

/// The endpoint flags every command takes.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(HelpLanguage.text("Use the built-in IBM Cloud emulator on 127.0.0.1 (nothing real is touched).",
                                               "127.0.0.1의 내장 IBM Cloud 에뮬레이터를 사용합니다(실제 자원은 건드리지 않음).")))
    var sandbox = false

    @Option(help: ArgumentHelp(HelpLanguage.text("JSON file with the endpoints to use instead of IBM Cloud's.",
                                                 "IBM Cloud 대신 사용할 엔드포인트가 담긴 JSON 파일."), valueName: "file"),
            completion: .file(extensions: ["json"]))
    var endpoints: String?

    @Flag(help: ArgumentHelp(HelpLanguage.text("Allow an endpoints file that points outside cloud.ibm.com and loopback.",
                                               "cloud.ibm.com과 루프백 밖을 가리키는 엔드포인트 파일을 허용합니다.")))
    var allowCustomEndpoints = false

    @Flag(name: .customLong("private"), help: ArgumentHelp(HelpLanguage.text(
        "Use IBM Cloud's private endpoints (private.iam.cloud.ibm.com, private.<region>.kms.cloud.ibm.com, …).",
        "IBM Cloud의 사설 엔드포인트(private.iam.cloud.ibm.com, private.<region>.kms.cloud.ibm.com 등)를 사용합니다.")))
    var usePrivateEndpoints = false

    func validate() throws {
        if sandbox && endpoints != nil { throw ValidationError("--sandbox and --endpoints exclude each other.") }
        if usePrivateEndpoints && (sandbox || endpoints != nil) {
            throw ValidationError("--private cannot be combined with --sandbox or --endpoints.")
        }
    }

    var options: EndpointOptions {
        var options = EndpointOptions()
        options.sandbox = sandbox
        options.endpointsFile = endpoints
        options.allowCustomEndpoints = allowCustomEndpoints
        options.usePrivateEndpoints = usePrivateEndpoints
        return options
    }

    /// The token cache's name for these endpoints, found without starting anything: `sandbox`, or
    /// the IAM base URL. Throws ``LaunchError`` for an unusable endpoints file.
    func cacheScope() throws -> String {
        if sandbox { return "sandbox" }
        if usePrivateEndpoints { return Endpoints.ibmCloudPrivate.iam.absoluteString }
        guard let endpoints else { return Endpoints.ibmCloud.iam.absoluteString }
        do {
            return try Endpoints.load(from: endpoints).iam.absoluteString
        } catch let error as CloudError {
            throw LaunchError(description: "Could not use the endpoints file: \(English().problem(error))")
        }
    }
}
