import CloudCore
import Testing
import WizardCore
@testable import WizardApp

/// What the wizard takes from the process environment: IBMCLOUD_API_KEY.
@Suite("IBMCLOUD_API_KEY")
struct ProcessEnvironmentTests {
    @Test func ibmcloudAPIKeyPrefillsTheFieldOutsideTheSandbox() {
        let plain = WizardEnvironment(workingDirectory: "/w")
        let withKey = plain.applyingProcessEnvironment(["IBMCLOUD_API_KEY": "env-key-0123456789", "HOME": "/h"])
        #expect(withKey.apiKeyFromEnvironment == Secret("env-key-0123456789"))
        #expect(plain.applyingProcessEnvironment(["HOME": "/h"]).apiKeyFromEnvironment == nil)
        #expect(plain.applyingProcessEnvironment(["IBMCLOUD_API_KEY": "  "]).apiKeyFromEnvironment == nil)
        let sandbox = WizardEnvironment(sandbox: SandboxHint(apiKey: "s", passcodePage: "p"), workingDirectory: "/w")
        #expect(sandbox.applyingProcessEnvironment(["IBMCLOUD_API_KEY": "env-key"]).apiKeyFromEnvironment == nil,
            "a real key never goes to the built-in emulator")
        #expect(!String(describing: withKey).contains("env-key-0123456789"), "never printed")
    }
}
