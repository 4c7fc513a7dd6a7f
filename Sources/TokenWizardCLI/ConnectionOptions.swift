import ArgumentParser
import CloudCore
import TerminalUI
import WizardApp

/// The endpoint flags every command takes.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Use the built-in IBM Cloud emulator on 127.0.0.1 (nothing real is touched).")
    var sandbox = false

    @Option(help: ArgumentHelp("JSON file with the endpoints to use instead of IBM Cloud's.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var endpoints: String?

    @Flag(help: "Allow an endpoints file that points outside cloud.ibm.com and loopback.")
    var allowCustomEndpoints = false

    @Flag(name: .customLong("private"), help: "Use IBM Cloud's private endpoints (private.iam.cloud.ibm.com, private.<region>.kms.cloud.ibm.com, …).")
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
