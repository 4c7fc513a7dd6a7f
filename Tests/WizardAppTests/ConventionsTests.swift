import CloudCore
import Foundation
import Testing
@testable import WizardApp

@Suite struct ConventionsTests {
    @Test func ibmcloudTraceAndTimeoutAreRead() throws {
        #expect(try CloudConventions(environment: [:]) == CloudConventions())
        #expect(try CloudConventions(environment: ["IBMCLOUD_TRACE": "true"]).trace == .standardError)
        #expect(try CloudConventions(environment: ["IBMCLOUD_TRACE": "TRUE"]).trace == .standardError)
        #expect(try CloudConventions(environment: ["IBMCLOUD_TRACE": "false"]).trace == nil)
        #expect(try CloudConventions(environment: ["IBMCLOUD_TRACE": "/tmp/t.log"]).trace == .file("/tmp/t.log"))
        #expect(try CloudConventions(environment: ["IBMCLOUD_HTTP_TIMEOUT": "75"]).httpTimeout == 75)
        for bad in ["0", "-3", "soon", "1e9", "nan"] {
            #expect(throws: LaunchError.self) { try CloudConventions(environment: ["IBMCLOUD_HTTP_TIMEOUT": bad]) }
        }
    }

    @Test func theTimeoutReachesEveryCallAndTracingGetsALogger() throws {
        let options = try CloudConventions(httpTimeout: 7).clientOptions(traceFile: nil, holdStandardError: false)
        #expect(options.timeout == 7 && options.logger == nil)
        let traced = try CloudConventions(trace: .standardError).clientOptions(traceFile: nil, holdStandardError: true)
        #expect(traced.logger != nil && traced.timeout == HTTPRequest.defaultTimeout)
        #expect(throws: LaunchError.self) {
            try CloudConventions().clientOptions(traceFile: "/nonexistent/dir/trace.log", holdStandardError: false)
        }
    }

    @Test func aTraceHeldForTheWizardIsWrittenLater() throws {
        let buffer = TraceBuffer()
        let options = try CloudConventions(trace: .standardError).clientOptions(traceFile: nil, holdStandardError: true, buffer: buffer)
        options.logger?.trace("POST http://127.0.0.1/identity/token -> 200")
        #expect(buffer.count == 1)
    }
}

@Suite struct CloudConnectionTests {
    func file(_ json: String) throws -> String {
        let path = NSTemporaryDirectory() + "tw-endpoints-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func privateChoosesIBMsPrivateEndpoints() async throws {
        var options = EndpointOptions()
        options.usePrivateEndpoints = true
        let connection = try await CloudConnection.open(options)
        #expect(connection.endpoints == .ibmCloudPrivate && connection.warning == nil && !connection.isSandbox)
        #expect(try connection.endpoints.keyProtectBaseURL(region: "eu-de").absoluteString == "https://private.eu-de.kms.cloud.ibm.com")
        #expect(connection.endpoints.isIBMCloud)
    }

    @Test func privateExcludesTheSandboxAndAnEndpointsFile() async {
        var options = EndpointOptions()
        options.usePrivateEndpoints = true
        options.sandbox = true
        await #expect(throws: LaunchError.self) { _ = try await CloudConnection.open(options) }
    }

    @Test func anEndpointsFileNamingPrivateHostsIsIBMCloud() async throws {
        var options = EndpointOptions()
        options.endpointsFile = try file(#"{"iam":"https://private.iam.cloud.ibm.com","accounts":"https://private.accounts.cloud.ibm.com","resource_controller":"https://private.resource-controller.cloud.ibm.com","key_protect":"https://private.{region}.kms.cloud.ibm.com"}"#)
        let connection = try await CloudConnection.open(options)
        #expect(connection.endpoints == .ibmCloudPrivate && connection.warning == nil)
    }

    @Test func aMissingEndpointsFileSaysSoWithoutSwiftErrorText() async throws {
        var options = EndpointOptions()
        options.endpointsFile = "/nonexistent/endpoints.json"
        do {
            _ = try await CloudConnection.open(options)
            Issue.record("no error")
        } catch let error as LaunchError {
            #expect(error.description == "Could not use the endpoints file: cannot read the endpoints file /nonexistent/endpoints.json")
            #expect(!error.description.contains("invalidRequest"))
        }
    }

    @Test func foreignEndpointsNeedConsent() async throws {
        var options = EndpointOptions()
        options.endpointsFile = try file(#"{"iam":"https://iam.example.com","accounts":"https://a.example.com","resource_controller":"https://r.example.com","key_protect":"https://{region}.kms.example.com"}"#)
        await #expect(throws: LaunchError.self) { _ = try await CloudConnection.open(options) }
        options.allowCustomEndpoints = true
        let connection = try await CloudConnection.open(options)
        #expect(connection.warning?.iam == "https://iam.example.com")
    }
}
